package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A peer assessor recorded an observation of a workshop the candidate led.
 *
 * @param observationId the observation
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param assessorId the identity provider's subject id of the peer assessor
 * @param meetingId the workshop observed
 * @param observedOn the day of the observation
 * @param counts whether the assessor counts it towards the award
 * @param recordedAt when it was recorded
 */
@EventType(context = "accreditation", name = "ObservationRecorded", version = 1)
public record ObservationRecorded(
        UUID observationId,
        UUID enrolmentId,
        UUID practitionerId,
        UUID assessorId,
        UUID meetingId,
        LocalDate observedOn,
        boolean counts,
        Instant recordedAt) {
}

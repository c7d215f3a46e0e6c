package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * Every requirement but the assessors' recommendations holds: the candidate is ready to present to their panel.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param programmeCode the programme
 * @param programmeTitle the award's name
 * @param readyAt when
 */
@EventType(context = "accreditation", name = "ReadyForAssessment", version = 1)
public record ReadyForAssessment(
        UUID enrolmentId,
        UUID practitionerId,
        String programmeCode,
        String programmeTitle,
        Instant readyAt) {
}

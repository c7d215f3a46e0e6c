package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * An enrolment ended without an award: the candidate withdrew, or a programme admin declined the application.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param programmeCode the programme
 * @param outcome WITHDRAWN or DECLINED
 * @param withdrawnAt when
 */
@EventType(context = "accreditation", name = "EnrolmentWithdrawn", version = 1)
public record EnrolmentWithdrawn(
        UUID enrolmentId,
        UUID practitionerId,
        String programmeCode,
        String outcome,
        Instant withdrawnAt) {
}

package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * Both assessors on the panel recommend the candidate: the completion can be confirmed with ILM.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param programmeCode the programme
 * @param programmeTitle the award's name
 * @param recommendedAt when the second recommendation was recorded
 */
@EventType(context = "accreditation", name = "PanelRecommended", version = 1)
public record PanelRecommended(
        UUID enrolmentId,
        UUID practitionerId,
        String programmeCode,
        String programmeTitle,
        Instant recommendedAt) {
}

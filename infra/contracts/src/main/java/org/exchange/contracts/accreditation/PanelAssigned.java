package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin named a candidate's assessment panel: one assessor from the academy, one from the candidate's
 * own organisation.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param candidateName the candidate's name, for the assessors to recognise
 * @param programmeTitle the award's name
 * @param academyAssessorId the identity provider's subject id of the academy's assessor
 * @param organisationAssessorId the identity provider's subject id of the assessor from the candidate's organisation
 * @param assignedAt when
 */
@EventType(context = "accreditation", name = "PanelAssigned", version = 1)
public record PanelAssigned(
        UUID enrolmentId,
        UUID practitionerId,
        String candidateName,
        String programmeTitle,
        UUID academyAssessorId,
        UUID organisationAssessorId,
        Instant assignedAt) {
}

package org.exchange.accreditation.enrolment;

import java.util.UUID;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * Who may sit on a candidate's panel: two different appointed assessors, neither the candidate, one from the academy
 * and one from the candidate's own organisation (so never two from one organisation).
 *
 * @param academyOrganisationId the academy's organisation id
 */
record PanelPolicy(String academyOrganisationId) {

    /** An assessor as the panel rule sees them. */
    record Member(UUID id, String name, String organisationId) {
    }

    /**
     * Refuses a panel that breaks the rule, saying why (400).
     *
     * @param candidateOrganisationId the candidate's organisation, or null when it is not known
     */
    void check(UUID candidateId, String candidateOrganisationId, Member academy, Member own) {
        if (academy.id().equals(own.id())) {
            throw new InvalidRequestException("The panel is two different assessors");
        }
        if (academy.id().equals(candidateId) || own.id().equals(candidateId)) {
            throw new InvalidRequestException("A candidate cannot assess themselves");
        }
        if (academy.organisationId() != null && academy.organisationId().equals(own.organisationId())) {
            throw new InvalidRequestException("The two assessors are from one organisation: one must be from the "
                    + "academy and one from the candidate's organisation");
        }
        if (!academyOrganisationId.equals(academy.organisationId())) {
            throw new InvalidRequestException(academy.name() + " is not from the academy");
        }
        if (candidateOrganisationId == null || !candidateOrganisationId.equals(own.organisationId())) {
            throw new InvalidRequestException(own.name() + " is not from the candidate's organisation");
        }
    }
}

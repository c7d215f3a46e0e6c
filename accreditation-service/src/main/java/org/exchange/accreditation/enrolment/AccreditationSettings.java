package org.exchange.accreditation.enrolment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The accreditation context's settings.
 *
 * @param academyOrganisationId the organisation whose assessor sits on every panel (the academy, an ILM centre)
 * @param centreNumber the academy's ILM centre number, on the completions sent to ILM
 */
@ConfigurationProperties("exchange.accreditation")
public record AccreditationSettings(String academyOrganisationId, String centreNumber) {

    public AccreditationSettings {
        academyOrganisationId = academyOrganisationId == null ? "org-academy" : academyOrganisationId;
        centreNumber = centreNumber == null ? "" : centreNumber;
    }
}

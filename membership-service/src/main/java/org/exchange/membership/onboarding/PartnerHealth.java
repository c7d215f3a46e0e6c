package org.exchange.membership.onboarding;

import java.time.Instant;

/**
 * One onboarded partner as a programme admin's health view shows it.
 *
 * @param protocol {@code OIDC} or {@code SAML}
 * @param discoveryUrl an OIDC provider's discovery document; null for SAML
 * @param issuer an OIDC provider's issuer, or a SAML provider's entity id
 * @param discoveryReachable whether an OIDC provider's discovery document could be fetched and used just now; null
 *        for SAML
 * @param appliedInKeycloak whether Keycloak has taken the provider as onboarded (false while it is still waiting)
 * @param appliedAt when Keycloak last took it, or null
 * @param lastError why Keycloak last did not take it, or null
 * @param lastReconciledAt when the reconciliation last looked at it, or null
 * @param lastReconcileResult {@code in line}, or the drift it repaired or could not
 * @param staffCount the people of the organisation on the platform
 * @param metadataUrl where a SAML provider publishes its metadata; null when it was pasted, and for OIDC
 * @param metadataReachable whether that metadata could be fetched and used just now; null without a metadata URL
 * @param signingCertificateExpiresAt when a SAML provider's first signing certificate expires; null for OIDC
 * @param signingCertificateExpiresSoon whether that is within the warning period (30 days) or past
 * @param live whether it is offered to staff; false while it is being tried (ADR 0022)
 * @param liveAt when a programme admin put it live, or null
 * @param lastSignInAt when someone last signed in through it successfully (Keycloak's login events), or null
 */
public record PartnerHealth(String organisationId, String organisationName, String alias, String protocol,
        String discoveryUrl, String issuer, Boolean discoveryReachable, boolean appliedInKeycloak, Instant appliedAt,
        String lastError, Instant lastReconciledAt, String lastReconcileResult, int staffCount, String metadataUrl,
        Boolean metadataReachable, Instant signingCertificateExpiresAt, boolean signingCertificateExpiresSoon,
        boolean live, Instant liveAt, Instant lastSignInAt) {
}

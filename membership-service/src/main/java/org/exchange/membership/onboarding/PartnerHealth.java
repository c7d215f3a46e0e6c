package org.exchange.membership.onboarding;

import java.time.Instant;

/**
 * One onboarded partner as a programme admin's health view shows it.
 *
 * @param discoveryReachable whether the provider's discovery document could be fetched and used just now
 * @param appliedInKeycloak whether Keycloak has taken the provider as onboarded (false while it is still waiting)
 * @param appliedAt when Keycloak last took it, or null
 * @param lastError why Keycloak last did not take it, or null
 * @param lastReconciledAt when the reconciliation last looked at it, or null
 * @param lastReconcileResult {@code in line}, or the drift it repaired or could not
 * @param staffCount the people of the organisation on the platform
 */
public record PartnerHealth(String organisationId, String organisationName, String alias, String protocol,
        String discoveryUrl, String issuer, boolean discoveryReachable, boolean appliedInKeycloak, Instant appliedAt,
        String lastError, Instant lastReconciledAt, String lastReconcileResult, int staffCount) {
}

package org.exchange.membership.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * What a reconciliation of the onboarded partner sign-ins with Keycloak found and did.
 *
 * @param ranAt when it ran
 * @param keycloakReachable false when Keycloak could not be asked (then nothing else was found)
 * @param error why Keycloak could not be asked, or null
 * @param onboarded how many sign-ins membership-service has onboarded
 * @param inLine how many of them Keycloak held exactly as onboarded
 * @param drifts every difference found
 * @param repaired the differences repaired
 * @param notOnboardedHere providers Keycloak has that were never onboarded here (configured by hand): only their
 *        organisation mapper is checked
 */
public record ReconcileReport(Instant ranAt, boolean keycloakReachable, String error, int onboarded, int inLine,
        List<Drift> drifts, List<Drift> repaired, List<String> notOnboardedHere) {

    public ReconcileReport {
        drifts = List.copyOf(drifts);
        repaired = List.copyOf(repaired);
        notOnboardedHere = List.copyOf(notOnboardedHere);
    }
}

package org.exchange.membership.onboarding;

import java.time.Instant;

/**
 * A partner organisation's own sign-in, onboarded by a programme admin: the OpenID Connect or SAML 2.0 provider its
 * staff sign in with, brokered by the platform realm under {@code alias}. Holds no client secret, so that it can be shown, logged
 * and published; the secret is read only where Keycloak is told ({@link PartnerSignIns#secretOf}).
 *
 * @param alias the identity provider's alias in the platform realm, unique across partners
 * @param organisationId the organisation its staff belong to; the platform sets it on them, never the partner
 * @param discoveryUrl an OIDC provider's discovery document; null for SAML
 * @param clientId the platform's client id at an OIDC provider; null for SAML
 * @param endpoints what an OIDC provider's discovery document said; null for SAML
 * @param usernameTemplate how the platform names a brokered user, so that two partners' "j.smith" never clash
 * @param keycloak how far applying it to Keycloak has come
 * @param metadataUrl where a SAML provider publishes its metadata; null when it was pasted, and for OIDC
 * @param saml what a SAML provider's metadata said; null for OIDC
 * @param liveAt when a programme admin put it live, offering it to staff; null while it is being tried (ADR 0022)
 * @param lastSignInAt when someone last signed in through it successfully, as Keycloak's login events say; or null
 */
public record PartnerSignIn(
        String alias,
        String organisationId,
        String protocol,
        String discoveryUrl,
        String clientId,
        Discovery endpoints,
        String usernameTemplate,
        Instant onboardedAt,
        KeycloakState keycloak,
        String metadataUrl,
        SamlMetadata saml,
        Instant liveAt,
        Instant lastSignInAt) {

    /** OpenID Connect. */
    public static final String OIDC = "OIDC";

    /** SAML 2.0. */
    public static final String SAML = "SAML";

    /** Every brokered user is named after the provider first: {@code eastfield.j.smith}. */
    public static final String USERNAME_TEMPLATE = "${ALIAS}.${CLAIM.preferred_username}";

    /** The same for SAML, whose NameID names the person at their provider: {@code northgate.j.smith}. */
    public static final String SAML_USERNAME_TEMPLATE = "${ALIAS}.${NAMEID}";

    /** Whether it is offered to staff: on Keycloak's login page and for their work e-mail's domain. */
    public boolean live() {
        return liveAt != null;
    }

    /** Whether the partner signs in with SAML 2.0. */
    public boolean usesSaml() {
        return SAML.equals(protocol);
    }

    /**
     * Where applying the provider to Keycloak stands.
     *
     * @param pending whether Keycloak has still to take the current configuration
     * @param appliedAt when Keycloak last took it, or null
     * @param attempts failed attempts since it was last requested
     * @param lastError why the last attempt failed, or null
     * @param lastReconciledAt when the reconciliation last looked at it, or null
     * @param lastReconcileResult what it found: {@code in line}, or the drift it repaired or could not
     */
    public record KeycloakState(boolean pending, Instant appliedAt, int attempts, String lastError,
            Instant lastReconciledAt, String lastReconcileResult) {
    }
}

package org.exchange.contracts.membership;

import java.time.Instant;

import org.exchange.contracts.EventType;

/**
 * A programme admin onboarded a partner organisation's own sign-in: its staff now sign in through the identity
 * provider with {@code identityProviderAlias} in the platform realm, and arrive as members of {@code organisationId}.
 * The provider's client secret is never part of the event.
 *
 * @param organisationId the id membership-service gives the organisation, such as {@code org-eastfield-college}
 * @param identityProviderAlias the alias of its identity provider in the platform realm, unique across partners
 * @param protocol how the partner signs people in: OIDC (SAML may follow)
 * @param discoveryUrl the address of the provider's OpenID Connect discovery document
 * @param issuer the issuer the discovery document named
 * @param clientId the platform's client id at the partner's provider
 * @param usernameTemplate how the platform names a brokered user, such as {@code ${ALIAS}.${CLAIM.preferred_username}}
 * @param onboardedAt when it was onboarded
 */
@EventType(context = "membership", name = "PartnerSignInOnboarded", version = 1)
public record PartnerSignInOnboarded(
        String organisationId,
        String identityProviderAlias,
        String protocol,
        String discoveryUrl,
        String issuer,
        String clientId,
        String usernameTemplate,
        Instant onboardedAt) {
}

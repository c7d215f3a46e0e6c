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
 * @param protocol how the partner signs people in: OIDC or SAML
 * @param discoveryUrl OIDC: the address of the provider's discovery document; SAML: the address of its metadata, or
 *        null when the metadata was pasted
 * @param issuer OIDC: the issuer the discovery document named; SAML: the identity provider's entity id
 * @param clientId OIDC: the platform's client id at the partner's provider; SAML: null
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

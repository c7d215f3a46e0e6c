package org.exchange.membership.onboarding;

/**
 * The endpoints an OpenID Connect provider announces in its discovery document
 * ({@code .well-known/openid-configuration}): what Keycloak needs to broker it.
 *
 * @param userInfoUrl null when the provider has none
 * @param logoutUrl the end-session endpoint, null when the provider has none
 */
public record Discovery(String issuer, String authorizationUrl, String tokenUrl, String userInfoUrl, String jwksUrl,
        String logoutUrl) {
}

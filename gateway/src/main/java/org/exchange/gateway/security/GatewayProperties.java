package org.exchange.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway signs people in and what it lets through without a sign-in.
 *
 * @param oidc the platform realm the portal signs people in to
 * @param publicApi API paths (Ant-style) that anyone may read (GET) without a session or token, such as the public
 *        outcomes library; the services mark the same paths public
 */
@ConfigurationProperties("exchange.gateway")
public record GatewayProperties(Oidc oidc, List<String> publicApi) {

    public GatewayProperties {
        publicApi = publicApi == null ? List.of() : List.copyOf(publicApi);
    }

    /**
     * The OpenID provider and the gateway's confidential client in it.
     *
     * @param issuerUri the realm's issuer, such as {@code http://localhost:8180/realms/exchange}: what the browser
     *        sees and the tokens name
     * @param discoveryUri where the gateway reads the realm's OpenID configuration when it reaches Keycloak by another
     *        address than the browser does (a container network), or null to read it from the issuer
     * @param registrationId the name the login URL carries: {@code /oauth2/authorization/<registrationId>}
     */
    public record Oidc(String issuerUri, String discoveryUri, String clientId, String clientSecret,
            String registrationId) {

        public Oidc {
            registrationId = registrationId == null ? "keycloak" : registrationId;
        }
    }
}

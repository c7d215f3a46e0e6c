package org.exchange.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings of a service.
 *
 * @param publicPaths request paths (Ant-style patterns) anyone may read without a token, such as a public library
 * @param openPaths request paths anyone may call with any method, POST included, because what the request carries is
 *        its own credential (a one-time token from a mail's link) or no credential is needed (registering an e-mail
 *        address for double opt-in, with rate limits); the API document shows them without a security requirement
 * @param audience the audience ({@code aud}) an access token must name to be accepted: the realm gives it only to the
 *        clients that act on the platform's API (the gateway and the command-line client), so a token the realm
 *        issued to any other client of the realm is refused
 */
@ConfigurationProperties("exchange.security")
public record SecurityProperties(List<String> publicPaths, List<String> openPaths, String audience) {

    /** The audience Keycloak's {@code exchange-api} client scope puts into the platform clients' access tokens. */
    public static final String DEFAULT_AUDIENCE = "exchange-api";

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
    }
}

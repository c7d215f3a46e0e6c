package org.exchange.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's client registration, read from the realm's OpenID discovery document on first use rather than at
 * start-up: the gateway starts, and serves its public pages, while Keycloak is still starting, and a failed lookup is
 * tried again on the next sign-in instead of being remembered.
 */
final class LazyIssuerClientRegistrations implements ReactiveClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(LazyIssuerClientRegistrations.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GatewayProperties.Oidc oidc;
    private final Mono<ClientRegistration> registration;

    LazyIssuerClientRegistrations(GatewayProperties.Oidc oidc) {
        this.oidc = oidc;
        this.registration = Mono.fromCallable(this::discover)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(e -> log.warn("The OpenID provider at {} is not answering yet: {}", oidc.issuerUri(),
                        e.getMessage()))
                .cacheInvalidateIf(r -> false)
                .onErrorResume(e -> Mono.empty())
                .timeout(Duration.ofSeconds(15), Mono.empty());
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return oidc.registrationId().equals(registrationId) ? registration : Mono.empty();
    }

    private ClientRegistration discover() throws Exception {
        ClientRegistration.Builder provider = oidc.discoveryUri() == null
                ? ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                : fromDiscoveryDocument();
        return provider
                .registrationId(oidc.registrationId())
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .userNameAttributeName("preferred_username")
                .clientName("Exchange")
                .build();
    }

    /**
     * The provider as its discovery document describes it, read at {@code discoveryUri}: Keycloak answers there with the
     * browser-facing issuer and authorization endpoint, and back-channel token, key and user info endpoints.
     */
    private ClientRegistration.Builder fromDiscoveryDocument() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(oidc.discoveryUri()))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(oidc.discoveryUri() + " answered " + response.statusCode());
        }
        Map<String, Object> metadata = JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() {
        });
        if (!oidc.issuerUri().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The provider at " + oidc.discoveryUri() + " names the issuer "
                    + metadata.get("issuer") + ", not " + oidc.issuerUri());
        }
        return ClientRegistration.withRegistrationId(oidc.registrationId())
                .issuerUri(oidc.issuerUri())
                .authorizationUri((String) metadata.get("authorization_endpoint"))
                .tokenUri((String) metadata.get("token_endpoint"))
                .jwkSetUri((String) metadata.get("jwks_uri"))
                .userInfoUri((String) metadata.get("userinfo_endpoint"))
                .providerConfigurationMetadata(metadata);
    }
}

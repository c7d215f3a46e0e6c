package org.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.exchange.engines.KeycloakEngine;
import org.exchange.engines.Ports;
import org.exchange.engines.PostgresEngine;
import org.exchange.engines.RepositoryRoot;
import org.exchange.gateway.GatewayEdgeTest.CountedSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * API calls that bring their own bearer token go through the gateway's short, stateless chain and get the answers the
 * full chain gave them; the portal's session calls keep the full chain with its CSRF check; a session cookie sent
 * beside a bearer token never makes the call the session's. The tokens are issued by a real Keycloak with the
 * platform's realm, and validated by the gateway's own decoder (the realm's keys, issuer and audience).
 */
@SpringBootTest
class BearerApiCallsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CountedSessions SESSIONS = new CountedSessions();
    private static final String ECHO = "/api/membership/echo";

    static PostgresEngine postgres;
    static KeycloakEngine keycloak;
    static HttpServer membership;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("bearerApiSecurity")
    SecurityWebFilterChain bearerChain;

    WebTestClient web;

    /** Keycloak (on PostgreSQL) and the service, started on first use: the context's properties read them. */
    static synchronized void start() {
        if (keycloak == null) {
            try {
                membership = echoingService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = PostgresEngine.start(null, 0);
            keycloak = KeycloakEngine.start(KeycloakEngine.Settings.defaults()
                    .withDatabase(postgres, "keycloak_gateway_test")
                    .withRealmFile(RepositoryRoot.find().resolve("infra/keycloak/realm-exchange.json")));
        }
    }

    @BeforeAll
    static void engines() {
        start();
    }

    @AfterAll
    static synchronized void stop() {
        if (membership != null) {
            membership.stop(0);
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        int nothingListens = Ports.free();
        registry.add("exchange.gateway.oidc.issuer-uri", () -> {
            start();
            return keycloak.issuer("exchange");
        });
        registry.add("exchange.services.membership", () -> {
            start();
            return "http://127.0.0.1:" + membership.getAddress().getPort();
        });
        for (String service : new String[] { "exchange", "assessment", "accreditation", "notification" }) {
            registry.add("exchange.services." + service, () -> "http://127.0.0.1:" + nothingListens);
        }
    }

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void aBearerCallToTheApiAndOnlyThatIsTakenByTheStatelessChain() {
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get(ECHO).header(HttpHeaders.AUTHORIZATION, "Bearer x")))
                .isTrue();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.post(ECHO).header(HttpHeaders.AUTHORIZATION, "bearer x")
                .cookie(new org.springframework.http.HttpCookie("SESSION", "s")))).as("with a session cookie too")
                .isTrue();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get(ECHO).cookie(
                new org.springframework.http.HttpCookie("SESSION", "s")))).as("the portal's session call").isFalse();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get(ECHO))).as("no credential").isFalse();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get(ECHO).header(HttpHeaders.AUTHORIZATION, "Basic x")))
                .as("another scheme").isFalse();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, "Bearer x"))).as("outside the API").isFalse();
        assertThat(takenByTheBearerChain(MockServerHttpRequest.get("/dashboard.html")
                .header(HttpHeaders.AUTHORIZATION, "Bearer x"))).as("a portal page").isFalse();
    }

    @Test
    void aPractitionersTokenIsRelayedAsItCameWithTheSecurityHeadersAndNoSession() {
        String token = accessToken("practitioner");
        int created = SESSIONS.created.get();

        web.get().uri(ECHO).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().valueEquals("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
                .expectBody(String.class).isEqualTo("Bearer " + token);
        // a change needs no CSRF token: the token is no credential a forged cross-site request could borrow
        web.post().uri(ECHO).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).isEqualTo("Bearer " + token);

        assertThat(SESSIONS.created).as("sessions created").hasValue(created);
    }

    @Test
    void aTokenTheGatewayDoesNotAcceptIsA401ProblemWithoutAChallengeHeader() {
        String practitioners = accessToken("practitioner");
        String signature = practitioners.substring(practitioners.lastIndexOf('.') + 1);
        Map<String, String> refused = Map.of(
                "a forged signature", practitioners.substring(0, practitioners.lastIndexOf('.') + 1)
                        + new StringBuilder(signature).reverse(),
                "another realm's token", token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin")),
                "a token not meant for the API", token("exchange", Map.of("grant_type", "client_credentials",
                        "client_id", "exchange-services", "client_secret", "exchange-services-secret")),
                "not a JWT", "not-a-token");
        refused.forEach((what, token) -> {
            for (var call : new WebTestClient.RequestHeadersSpec<?>[] { web.get().uri(ECHO), web.post().uri(ECHO),
                    web.get().uri("/api/exchange/groups/a-public-group") }) {
                call.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange()
                        .expectStatus().isUnauthorized()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                        .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                        .expectHeader().valueEquals("X-Frame-Options", "DENY")
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("about:blank")
                        .jsonPath("$.title").isEqualTo("Unauthorized")
                        .jsonPath("$.status").isEqualTo(401)
                        .jsonPath("$.detail").value(detail -> assertThat(detail).as(what)
                                .isEqualTo("A valid access token is needed"))
                        .jsonPath("$.instance").exists();
            }
        });
    }

    /**
     * The gateway itself holds no role rule under {@code /api/**} (each service checks its roles), so a role refused
     * at the gateway is one outside it: the same rules and the same 403 problem detail.
     */
    @Test
    void aTokenWithoutTheRoleARuleNeedsIsA403Problem() {
        web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken("practitioner"))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("Your role does not allow this");
    }

    @Test
    void thePortalsSessionCallStaysOnTheSessionChainWithItsCsrfCheck() {
        String sessionToken = accessToken("facilitator");
        String session = GatewayEdgeTest.signedInSession(SESSIONS, sessionToken);
        int lookedUp = SESSIONS.lookedUp.get();

        web.get().uri(ECHO).cookie("SESSION", session)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer " + sessionToken);
        web.post().uri(ECHO).cookie("SESSION", session)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail")
                .isEqualTo("This change needs the portal's CSRF token; reload the page and try again");
        web.post().uri(ECHO).cookie("SESSION", session)
                .cookie("XSRF-TOKEN", "the-portals-csrf-token").header("X-XSRF-TOKEN", "the-portals-csrf-token")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer " + sessionToken);

        assertThat(SESSIONS.lookedUp).as("sessions looked up").hasValueGreaterThanOrEqualTo(lookedUp + 3);
    }

    /**
     * A browser adds the session cookie to a forged cross-site request, never an Authorization header; a request that
     * has one is the token's, whatever cookie comes with it. A bogus token beside a signed-in session's cookie is a 401,
     * never the session's person, with or without a CSRF token.
     */
    @Test
    void aSessionCookieBesideABearerTokenNeverMakesTheCallTheSessions() {
        String sessionToken = accessToken("facilitator");
        String session = GatewayEdgeTest.signedInSession(SESSIONS, sessionToken);
        String practitioners = accessToken("practitioner");
        int lookedUp = SESSIONS.lookedUp.get();

        for (var call : new WebTestClient.RequestHeadersSpec<?>[] { web.post().uri(ECHO), web.get().uri(ECHO),
                web.delete().uri(ECHO), web.post().uri(ECHO).cookie("XSRF-TOKEN", "the-portals-csrf-token")
                        .header("X-XSRF-TOKEN", "the-portals-csrf-token") }) {
            call.cookie("SESSION", session).header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("A valid access token is needed");
        }
        web.post().uri(ECHO).cookie("SESSION", session).header(HttpHeaders.AUTHORIZATION, "Bearer " + practitioners)
                .exchange()
                .expectStatus().isOk()
                // the caller's own token is relayed, not the session's
                .expectBody(String.class).isEqualTo("Bearer " + practitioners);

        assertThat(SESSIONS.lookedUp).as("sessions looked up").hasValue(lookedUp);
    }

    private boolean takenByTheBearerChain(MockServerHttpRequest.BaseBuilder<?> request) {
        return Boolean.TRUE.equals(bearerChain.matches(MockServerWebExchange.from(request)).block());
    }

    /** A demo account's access token, from the realm's command-line client (password grant, password "demo"). */
    private static String accessToken(String username) {
        return token("exchange", Map.of("grant_type", "password", "client_id", "exchange-cli", "username", username,
                "password", "demo"));
    }

    private static String token(String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/token"))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("Keycloak's answer: %s", answer.body()).isEqualTo(200);
            return String.valueOf(JSON.readValue(answer.body(), Map.class).get("access_token"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Plays membership-service: answers with the Authorization header it was sent. */
    private static HttpServer echoingService() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ECHO, call -> {
            call.getRequestBody().transferTo(OutputStream.nullOutputStream());
            byte[] relayed = String.valueOf(call.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                    .getBytes(StandardCharsets.UTF_8);
            call.sendResponseHeaders(200, relayed.length);
            call.getResponseBody().write(relayed);
            call.close();
        });
        server.start();
        return server;
    }

    /** Sessions in memory, as the gateway keeps them by default, counted. */
    @TestConfiguration
    static class CountedSessionStore {
        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager countedSessions() {
            DefaultWebSessionManager sessions = new DefaultWebSessionManager();
            sessions.setSessionStore(SESSIONS);
            return sessions;
        }
    }
}

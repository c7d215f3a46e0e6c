package org.exchange.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway at the edge: sign-in redirects and problem details, roles, CSRF, token relay, rate limits, the
 * circuit breaker's fallback and recovery, the security headers, and which calls use the session store. A small HTTP
 * server plays the membership service, so that it can be stopped and started again.
 */
@SpringBootTest(properties = {
        "exchange.gateway.rate-limit.replenish-rate=1",
        "exchange.gateway.rate-limit.burst-capacity=1000",
        // the notification route is throttled hard, to see the 429
        "exchange.gateway.rate-limit.routes.notification.burst-capacity=2",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        // short enough for a test to wait for a service that does not answer
        "exchange.gateway.response-timeout-millis=3000"})
class GatewayEdgeTest {

    static final int SERVICE_PORT = freePort();
    static HttpServer membership;

    static final RSAKey SIGNING_KEY = signingKey();
    static final String CLIENT_TOKEN = bearer("script");
    static final CountedSessions SESSIONS = new CountedSessions();
    /** Calls to {@code /api/assessment/held} wait for this before they are answered. */
    static volatile CountDownLatch answerHeldCalls = new CountDownLatch(0);
    static final AtomicInteger HELD_CALLS = new AtomicInteger();

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("exchange.services.membership", () -> "http://127.0.0.1:" + SERVICE_PORT);
        registry.add("exchange.services.notification", () -> "http://127.0.0.1:" + freePort());
        registry.add("exchange.services.exchange", () -> "http://127.0.0.1:" + freePort());
        // the same small server plays assessment-service, whose route only the tests of held answers use
        registry.add("exchange.services.assessment", () -> "http://127.0.0.1:" + SERVICE_PORT);
    }

    @BeforeAll
    static void startMembership() throws IOException {
        membership = membershipService();
    }

    @AfterAll
    static void stopMembership() {
        membership.stop(0);
    }

    @Test
    void aPortalPageRedirectsSomeoneNotSignedInToSignIn() {
        web.get().uri("/dashboard.html").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }

    @Test
    void startingToSignInWhileTheIdentityProviderCannotBeReachedShowsAClearPageNotABrokenRedirect() {
        // the test's identity provider is at a port where nothing listens
        web.get().uri("/oauth2/authorization/keycloak").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .startsWith("<!doctype html>")
                        .contains("<a class=\"skip-link\" href=\"#main\">")
                        .contains("Signing in is not available just now"));
    }

    @Test
    void anAddressThePortalDoesNotHaveIsA404PageForAnyoneNotASignInRedirect() {
        for (String unknown : new String[] { "/no-such-page.html", "/groups/no-such-group", "/admin/nothing-here/" }) {
            web.get().uri(unknown).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(page -> assertThat(page).contains("Page not found"));
        }
        // a page that exists still asks for a sign-in, and the API still answers with problems
        web.get().uri("/admin/index.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().is3xxRedirection();
        web.get().uri("/api/membership/no-such-thing").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aChangeWithoutSessionOrTokenGetsA401ProblemDetailNotAccessDenied() {
        web.post().uri("/api/membership/echo").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void anApiCallWithoutSessionOrTokenGetsA401ProblemDetail() {
        web.get().uri("/api/membership/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedWithA413ProblemBeforeItIsRelayed() {
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"" + "x".repeat(1_100_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBodySentWithoutALengthIsCountedAndRefusedWithA413ProblemOnceOverTheLimit() {
        DataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 20).map(i -> buffers.wrap("x".repeat(100_000).getBytes(UTF_8)));
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("1048576"));
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Flux.range(0, 5).map(i -> buffers.wrap("x".repeat(100_000).getBytes(UTF_8))), DataBuffer.class)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("half a megabyte in chunks passes")
                        .isNotEqualTo(413));
    }

    @Test
    void aFileUploadHasItsOwnLargerLimit() {
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                .bodyValue(multipart(3_000_000))
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("a 3 MB evidence file passes").isNotEqualTo(413));
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=b"))
                .bodyValue(multipart(7_000_000))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static String multipart(int fileBytes) {
        return "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "x".repeat(fileBytes) + "\r\n--b--\r\n";
    }

    @Test
    void metricsAreForOperationsStaffOnly() {
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer("scraper", "ops")).exchange()
                .expectStatus().isOk();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void publicPagesNeedNoSignIn() {
        web.get().uri("/").exchange().expectStatus().isOk();
        web.get().uri("/signed-out.html").exchange().expectStatus().isOk();
        web.get().uri("/sign-in.html").exchange().expectStatus().isOk();
        web.get().uri("/newsletters.html?issue=abc").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        web.get().uri("/portal/session").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authenticated").isEqualTo(false);
    }

    @Test
    void aSectionForAnotherRoleIsRefusedWithThePortals403Page() {
        web.mutateWith(person("practitioner")).get().uri("/admin/").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page).contains("not allowed"));
    }

    @Test
    void aSectionOpensForItsRole() {
        web.mutateWith(person("practitioner", "programme-admin")).get().uri("/admin/").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Programme administration"));
    }

    @Test
    void theAssessorsSectionOpensForAssessorsAndProgrammeAdminsOnly() {
        web.mutateWith(person("practitioner", "facilitator")).get().uri("/assess/").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isForbidden();
        web.mutateWith(person("practitioner", "assessor")).get().uri("/assess/candidates.html")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("Your candidates"));
        web.mutateWith(person("practitioner", "programme-admin")).get().uri("/assess/").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void theAwardProgrammesAndCredentialChecksNeedNoSignInButACandidatesAwardDoes() {
        web.get().uri("/awards/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        web.get().uri("/credentials/verify.html?id=abc").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
        web.get().uri("/awards/award.html?id=abc").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
        web.get().uri("/assess/").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().is3xxRedirection();
    }

    @Test
    void theSessionTellsThePortalWhoIsSignedInWithTheirOrganisationAndRoles() {
        web.mutateWith(person("practitioner", "facilitator")).get().uri("/portal/session")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.authenticated").isEqualTo(true)
                .jsonPath("$.name").isEqualTo("Fran Facilitator")
                .jsonPath("$.organisation").isEqualTo("org-westmid-college")
                .jsonPath("$.roles.length()").isEqualTo(2)
                .jsonPath("$.roles[0]").isEqualTo("practitioner")
                .jsonPath("$.roles[1]").isEqualTo("facilitator");
    }

    @Test
    void theSessionsAccessTokenIsRelayedToTheService() {
        web.mutateWith(person("practitioner")).get().uri("/api/membership/echo")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer access-token");
    }

    @Test
    void anApiClientsOwnBearerTokenIsPassedThrough() {
        web.get().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(CLIENT_TOKEN);
    }

    @Test
    void aChangeFromThePortalWithoutTheCsrfTokenIsRefusedWithAProblemDetail() {
        web.mutateWith(person("practitioner")).post().uri("/api/membership/echo")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        web.mutateWith(person("practitioner")).mutateWith(csrf()).post().uri("/api/membership/echo")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aOneClickUnsubscribeLinkNeedsNeitherSignInNorCsrfToken() {
        // nothing answers for notification-service here: getting past the gateway's security shows as the 503 fallback
        web.post().uri("/api/notifications/unsubscribe/a-secret-token").exchange()
                .expectStatus().isEqualTo(503);
        web.get().uri("/api/notifications/unsubscribe/a-secret-token").exchange()
                .expectStatus().isEqualTo(503);
        // elsewhere a change without a CSRF token is still refused: with no sign-in either, as a 401 problem detail
        web.post().uri("/api/notifications/preferences").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void anApiClientWithABearerTokenNeedsNoCsrfToken() {
        web.post().uri("/api/membership/echo")
                .header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void pastItsRateLimitAPersonGets429WithRetryAfter() {
        WebTestClient someone = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer("busy-person")).build();
        // eight at once against a burst of two refilled at one a second: on a machine however slow, most are refused
        // (one after another, each call could take long enough for the bucket to refill in between)
        List<EntityExchangeResult<byte[]>> answers = Flux.range(0, 8)
                .flatMap(i -> Mono.fromCallable(() -> someone.get().uri("/api/notifications/feed").exchange()
                        .expectBody().returnResult()).subscribeOn(Schedulers.boundedElastic()), 8)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(answers).extracting(answer -> answer.getStatus().value()).filteredOn(status -> status != 429)
                .as("those let through: the burst, and what refilled meanwhile").hasSizeBetween(2, 5);
        EntityExchangeResult<byte[]> refused = answers.stream()
                .filter(answer -> answer.getStatus().value() == 429).findFirst().orElseThrow();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(new String(refused.getResponseBodyContent(), UTF_8)).contains("\"status\":429");
        // someone else has a budget of their own
        web.get().uri("/api/notifications/feed").header(HttpHeaders.AUTHORIZATION, bearer("another-person"))
                .exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(429));
    }

    @Test
    void aStoppedServiceGetsA503ProblemDetailAndTheRouteRecoversWhenItIsBack() throws IOException {
        WebTestClient someone = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer("patient-person")).build();
        someone.get().uri("/api/membership/echo").exchange()
                .expectStatus().isOk();
        membership.stop(0);
        try {
            for (int i = 0; i < 6; i++) {
                someone.get().uri("/api/membership/echo").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                        .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                                .contains("membership-service"));
            }
        } finally {
            membership = membershipService();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                someone.get().uri("/api/membership/echo").exchange()
                        .expectStatus().isOk());
    }

    @Test
    void aServiceThatDoesNotAnswerWithinTheRouteTimeoutGetsA503ProblemDetailFromTheFallback() {
        answerHeldCalls = new CountDownLatch(1);
        try {
            // a POST, which the Retry filter does not repeat: one wait of the route's response timeout (3 s here)
            web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                    .post().uri("/api/assessment/held").header(HttpHeaders.AUTHORIZATION, bearer("waiting-person"))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("assessment-service"));
        } finally {
            answerHeldCalls.countDown();
        }
    }

    @Test
    void manyCallsAtOnceThroughOneRouteAreAllRelayedNoneRefusedByABulkhead() {
        int atOnce = 40;
        answerHeldCalls = new CountDownLatch(1);
        HELD_CALLS.set(0);
        WebTestClient patient = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        ExecutorService callers = Executors.newFixedThreadPool(atOnce);
        try {
            List<Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < atOnce; i++) {
                String caller = "caller-" + i;
                statuses.add(callers.submit(() -> patient.get().uri("/api/assessment/held")
                        .header(HttpHeaders.AUTHORIZATION, bearer(caller)).exchange()
                        .returnResult(String.class).getStatus().value()));
            }
            // every call reaches the service and is held there at the same time, then all are answered
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(HELD_CALLS).hasValue(atOnce));
            answerHeldCalls.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status).succeedsWithin(Duration.ofSeconds(20)).isEqualTo(200);
            }
        } finally {
            answerHeldCalls.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void anApiClientsBearerCallNeitherLooksUpNorCreatesASessionAndIsSentNoCookie() {
        int created = SESSIONS.created.get();
        int lookedUp = SESSIONS.lookedUp.get();

        web.get().uri("/api/membership/echo").header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        web.post().uri("/api/membership/echo").header(HttpHeaders.AUTHORIZATION, CLIENT_TOKEN)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        web.get().uri("/api/membership/echo").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        assertThat(SESSIONS.created).as("sessions created").hasValue(created);
        assertThat(SESSIONS.lookedUp).as("sessions looked up").hasValue(lookedUp);
    }

    @Test
    void anAnonymousCallToThePublicApiNeitherLooksUpNorCreatesASession() {
        int created = SESSIONS.created.get();
        int lookedUp = SESSIONS.lookedUp.get();

        // nothing answers for exchange-service here: the public read gets past the gateway as far as the fallback
        // (not on the notification route, whose tiny rate limit other tests' anonymous calls may have used up)
        HttpHeaders answer = web.get().uri("/api/exchange/outcomes")
                .exchange()
                .expectStatus().isEqualTo(503)
                .returnResult(String.class).getResponseHeaders();

        assertThat(answer.getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(SESSIONS.created).as("sessions created").hasValue(created);
        assertThat(SESSIONS.lookedUp).as("sessions looked up").hasValue(lookedUp);
    }

    @Test
    void aPortalCallWithItsSessionCookieIsServedFromTheStoredSessionWithItsTokenAndCsrfAsBefore() {
        String session = signedInSession("portal-access-token");
        int lookedUp = SESSIONS.lookedUp.get();

        web.get().uri("/api/membership/echo").cookie("SESSION", session)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer portal-access-token");
        web.post().uri("/api/membership/echo").cookie("SESSION", session)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("CSRF"));
        web.post().uri("/api/membership/echo").cookie("SESSION", session)
                .cookie("XSRF-TOKEN", "the-portals-csrf-token").header("X-XSRF-TOKEN", "the-portals-csrf-token")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("Bearer portal-access-token");

        assertThat(SESSIONS.lookedUp).as("sessions looked up").hasValueGreaterThanOrEqualTo(lookedUp + 3);
    }

    @Test
    void startingToSignInStillKeepsItsSessionAndSetsItsCookie() {
        web.get().uri("/dashboard.html").accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).startsWith("SESSION="));
    }

    @Test
    void everythingServedCarriesSecurityHeaders() {
        web.get().uri("/").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void theMapsNeedNoTileServerByDefaultAndTheirOutlinesAreServedToAnyone() {
        web.get().uri("/portal/settings").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mapTiles").isEmpty();
        web.get().uri("/finder.html").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("img-src 'self' data:;"));
        web.get().uri("/maps/uk.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.type").isEqualTo("FeatureCollection")
                .jsonPath("$.features[?(@.properties.name == 'West Midlands')].properties.kind").isEqualTo("region");
    }

    @Test
    void anUnknownPageGetsThePortals404Page() {
        web.mutateWith(person("practitioner")).get().uri("/no-such-page.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("Page not found"));
    }

    private static String signedInSession(String accessToken) {
        return signedInSession(SESSIONS, accessToken);
    }

    /** A person signed in to the portal as the real sign-in leaves them: in a stored session, with their tokens. */
    static String signedInSession(InMemoryWebSessionStore sessions, String accessToken) {
        Instant now = Instant.now();
        WebSession session = sessions.createWebSession().block();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("3f1e6a52-5c1e-4a43-9a0c-2a4f3c1d9e10")
                .claim("preferred_username", "fran").issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_practitioner"));
        OAuth2AuthenticationToken person = new OAuth2AuthenticationToken(
                new DefaultOidcUser(roles, idToken, "preferred_username"), roles, "keycloak");
        session.getAttributes().put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                new SecurityContextImpl(person));
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, accessToken, now,
                now.plusSeconds(600));
        new WebSessionServerOAuth2AuthorizedClientRepository().saveAuthorizedClient(
                new OAuth2AuthorizedClient(registration(), person.getName(), access), person,
                MockServerWebExchange.builder(MockServerHttpRequest.get("/")).session(session).build()).block();
        session.start();
        session.save().block();
        return session.getId();
    }

    /** A person signed in to the portal with the given realm roles. */
    private static OidcLoginMutator person(String... roles) {
        return mockOidcLogin()
                .idToken(token -> token.subject("3f1e6a52-5c1e-4a43-9a0c-2a4f3c1d9e10")
                        .claim("preferred_username", "fran")
                        .claim("name", "Fran Facilitator")
                        .claim("organisation", "org-westmid-college")
                        .claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toArray(SimpleGrantedAuthority[]::new))
                .clientRegistration(registration());
    }

    static ClientRegistration registration() {
        return ClientRegistration.withRegistrationId("keycloak")
                .clientId("exchange-gateway").clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:1/auth").tokenUri("http://127.0.0.1:1/token")
                .jwkSetUri("http://127.0.0.1:1/certs").userInfoUri("http://127.0.0.1:1/userinfo")
                .userNameAttributeName("preferred_username").scope("openid")
                .build();
    }

    /**
     * No OpenID provider here: the tests sign people in to the portal directly, and API clients' tokens are real JWTs
     * signed with a key of the test's own.
     */
    @TestConfiguration
    static class Registrations {
        @Bean
        @Primary
        ReactiveClientRegistrationRepository testRegistrations() {
            return new InMemoryReactiveClientRegistrationRepository(registration());
        }

        @Bean
        @Primary
        ReactiveJwtDecoder testTokens() throws JOSEException {
            return NimbusReactiveJwtDecoder.withPublicKey(SIGNING_KEY.toRSAPublicKey()).build();
        }

        /** Sessions kept in memory, as the gateway keeps them by default, counted. */
        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        WebSessionManager countedSessions() {
            DefaultWebSessionManager sessions = new DefaultWebSessionManager();
            sessions.setSessionStore(SESSIONS);
            return sessions;
        }
    }

    /** The in-memory session store, counting the sessions it creates and looks up. */
    static final class CountedSessions extends InMemoryWebSessionStore {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger lookedUp = new AtomicInteger();

        @Override
        public Mono<WebSession> createWebSession() {
            created.incrementAndGet();
            return super.createWebSession();
        }

        @Override
        public Mono<WebSession> retrieveSession(String id) {
            lookedUp.incrementAndGet();
            return super.retrieveSession(id);
        }
    }

    /** An Authorization header with a signed access token for that subject. */
    static String bearer(String subject, String... roles) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("test")
                    .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                    .claim("realm_access", Map.of("roles", roles.length == 0 ? List.of("practitioner")
                            : List.of(roles))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(SIGNING_KEY));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey signingKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers {@code /api/membership/echo} with the Authorization header it received. */
    private static HttpServer membershipService() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", SERVICE_PORT), 0);
        server.createContext("/api/membership/echo", exchange -> {
            // read the whole body first: answering before it is read resets the connection, which the gateway counts as
            // the service failing, and a few of those open the circuit for the tests that follow
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = authorization.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/assessment/held", exchange -> {
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            HELD_CALLS.incrementAndGet();
            try {
                answerHeldCalls.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        // a thread per call, so that held calls do not keep the others waiting
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

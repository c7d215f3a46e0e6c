package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.engines.Ports;
import org.exchange.engines.RedisEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas behind one public address, as the Helm chart runs them (sessions in Redis, forwarded headers
 * from the load balancer, no affinity): a person who starts signing in on one replica, comes back from Keycloak to the
 * other, and goes on with either, stays signed in with their tokens relayed to the services. This test plays the
 * load balancer, sending each request to the replica it chooses with the headers a load balancer adds.
 */
class GatewayReplicasIT {

    static Platform platform;
    static RedisEngine redis;
    static ServiceProcess first;
    static ServiceProcess second;

    final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeAll
    static void startTwoReplicasSharingRedis() {
        platform = SharedPlatform.get();
        redis = RedisEngine.start();
        Map<String, String> replica = new LinkedHashMap<>(platform.gatewayProperties());
        replica.put("exchange.gateway.session.store", "redis");
        replica.put("exchange.gateway.rate-limit.store", "redis");
        replica.put("spring.data.redis.host", redis.host());
        replica.put("spring.data.redis.port", String.valueOf(redis.port()));
        replica.put("server.forward-headers-strategy", "framework");
        var logs = platform.settings().dataDir().resolve("logs");
        var starting = CompletableFuture.supplyAsync(() -> started(replica, logs.resolve("gateway-replica-1.log")));
        second = started(replica, logs.resolve("gateway-replica-2.log"));
        first = starting.join();
    }

    private static ServiceProcess started(Map<String, String> properties, java.nio.file.Path log) {
        ServiceProcess gateway = ServiceProcess.start(platform.settings().root(), "gateway", Ports.free(), properties,
                log);
        gateway.awaitReady(Duration.ofMinutes(3));
        return gateway;
    }

    @AfterAll
    static void stopTheReplicas() {
        for (AutoCloseable part : new AutoCloseable[] { first, second, redis }) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aPersonSigningInThroughOneReplicaAndReturningThroughTheOtherStaysSignedInOnBoth() throws Exception {
        HttpResponse<String> toKeycloak = send(first, "/oauth2/authorization/keycloak");
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        String authorize = location(toKeycloak);
        // the way back is the public address, whichever replica sent the person to Keycloak
        assertThat(authorize).contains("redirect_uri=" + platform.settings().gatewayUrl()
                + "/login/oauth2/code/keycloak&");

        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        assertThat(action.find()).as("Keycloak's sign-in form").isTrue();
        // Keycloak's own cookies are marked Secure, which Java's cookie store keeps from plain http: carry them by hand
        String keycloakCookies = String.join("; ", form.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .toList());
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1)
                        .replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", keycloakCookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=facilitator&password=" + MembershipApi.PASSWORD
                        + "&credentialId="))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI back = URI.create(location(signedIn));
        assertThat(back.toString()).startsWith(platform.settings().gatewayUrl() + "/login/oauth2/code/keycloak?");

        // the load balancer sends the way back to the other replica, which knows the sign-in only from Redis
        HttpResponse<String> completed = send(second, back.getRawPath() + "?" + back.getRawQuery());
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(302);
        assertThat(location(completed)).doesNotContain("error");

        for (ServiceProcess replica : new ServiceProcess[] { first, second }) {
            HttpResponse<String> session = send(replica, "/portal/session");
            assertThat(session.body()).as("the session on " + replica.port())
                    .contains("\"authenticated\":true").contains("facilitator");
            // the person's tokens are in the shared session: each replica relays them to the services
            HttpResponse<String> me = send(replica, "/api/membership/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("facilitator@");
        }
    }

    /** A request as the load balancer relays it to one replica: the public host and scheme in forwarded headers. */
    private HttpResponse<String> send(ServiceProcess replica, String pathAndQuery) throws Exception {
        URI publicAddress = URI.create(platform.settings().gatewayUrl());
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + pathAndQuery))
                .header("X-Forwarded-Host", publicAddress.getHost() + ":" + publicAddress.getPort())
                .header("X-Forwarded-Proto", publicAddress.getScheme())
                .header("X-Forwarded-For", "192.0.2.10")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location in a " + response.statusCode() + " answer"));
    }
}

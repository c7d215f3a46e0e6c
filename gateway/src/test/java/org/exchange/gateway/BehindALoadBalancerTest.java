package org.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway replica behind the platform's load balancer ({@code server.forward-headers-strategy=framework}, as the
 * Helm chart runs it): the anonymous rate limit counts per real client, from the address the load balancer forwards,
 * not per load balancer. (Sign-in across replicas, with their public address, is GatewayReplicasIT's.)
 */
@SpringBootTest(properties = {
        "server.forward-headers-strategy=framework",
        "exchange.gateway.rate-limit.replenish-rate=1",
        "exchange.gateway.rate-limit.routes.notification.burst-capacity=2"})
class BehindALoadBalancerTest {

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // nothing answers there: getting past the rate limit shows as the 503 fallback
        registry.add("exchange.services.notification", () -> "http://127.0.0.1:" + freePort());
    }

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void anonymousCallersBehindTheLoadBalancerHaveABudgetEachByTheirForwardedAddress() {
        for (int i = 0; i < 2; i++) {
            assertThat(unsubscribeAs("203.0.113.7")).isNotEqualTo(429);
        }
        assertThat(unsubscribeAs("203.0.113.7")).as("the third call at once from the same client").isEqualTo(429);
        assertThat(unsubscribeAs("198.51.100.23")).as("another client through the same load balancer").isNotEqualTo(429);
    }

    private int unsubscribeAs(String clientAddress) {
        // a one-click unsubscribe link: public, and a POST is never retried, so each call is one take from the budget
        return web.post().uri("/api/notifications/unsubscribe/a-token")
                .header("X-Forwarded-For", clientAddress)
                .exchange()
                .returnResult(String.class).getStatus().value();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

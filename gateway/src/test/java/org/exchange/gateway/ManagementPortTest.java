package org.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its management endpoints on a port of their own, as the Helm chart runs it: Prometheus scrapes
 * metrics there without a token and the kubelet probes health there, while the public port, which the Service and the
 * ingress expose, still refuses {@code /actuator/**} to anyone without the ops role and serves none of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "management.server.address=127.0.0.1" })
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusScrapesTheManagementPortWithoutAToken() {
        assertThat(managementPort).isNotEqualTo(port);
        String metrics = client(managementPort).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void theProbesAnswerOnTheManagementPort() {
        client(managementPort).get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client(managementPort).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void thePublicPortStillRefusesMetricsToAnyoneWithoutTheOpsRole() {
        client(port).get().uri("/actuator/prometheus").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}

package org.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway with its management endpoints on a port of their own, as the Helm chart runs it: Prometheus scrapes
 * metrics there without a token and the kubelet probes health there, while the public port, which the Service and the
 * ingress expose, still refuses {@code /actuator/**} to anyone without the ops role and serves none of it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Environment environment;

    @Test
    void prometheusScrapesTheManagementPortWithoutAToken() {
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

    @Test
    void theManagementPortListensOnLoopbackUnlessToldOtherwise() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}

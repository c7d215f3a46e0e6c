package org.exchange.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every service is sized, protected from voluntary disruption, spread, and stops without losing a request: it leaves
 * the endpoints (readiness, a preStop pause) before Spring's graceful shutdown, within a grace period that covers it.
 */
class GracefulServiceTest {

    /** Spring's default spring.lifecycle.timeout-per-shutdown-phase. */
    private static final int SPRING_SHUTDOWN_PHASE_SECONDS = 30;

    @ParameterizedTest
    @ValueSource(strings = { "", "values-production.yaml" })
    void everyServiceHasRequestsLimitsADisruptionBudgetAndSpread(String overlay) {
        List<JsonNode> objects = overlay.isEmpty() ? Chart.render() : Chart.render(Chart.HOME.resolve(overlay));

        assertThat(services(objects)).hasSize(6).allSatisfy(deployment -> {
            String name = deployment.path("metadata").path("name").asString();
            JsonNode resources = deployment.at("/spec/template/spec/containers/0/resources");
            assertThat(resources.at("/requests/memory").asString()).as(name).isNotEmpty();
            assertThat(resources.at("/requests/cpu").asString()).as(name).isNotEmpty();
            assertThat(resources.at("/limits/memory").asString()).as(name).isNotEmpty();
            JsonNode budget = Chart.named(objects, "PodDisruptionBudget", name);
            assertThat(budget.at("/spec/selector/matchLabels"))
                    .isEqualTo(deployment.at("/spec/selector/matchLabels"));
            assertThat(deployment.at("/spec/template/spec/topologySpreadConstraints"))
                    .extracting(constraint -> constraint.path("topologyKey").asString())
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        });
    }

    @Test
    void aStoppingPodLeavesTheEndpointsThenShutsDownGracefullyWithinItsGracePeriod() {
        Properties platform = platformDefaults();
        int outboxSeconds = Integer.parseInt(platform.getProperty(
                "exchange.outbox.send-timeout").replace("s", ""));

        assertThat(services(Chart.render())).allSatisfy(deployment -> {
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
            int preStop = container.at("/lifecycle/preStop/sleep/seconds").asInt();
            assertThat(preStop).isPositive();
            assertThat(pod.path("terminationGracePeriodSeconds").asInt())
                    .isGreaterThan(preStop + SPRING_SHUTDOWN_PHASE_SECONDS + outboxSeconds);
        });
    }

    @Test
    void theServicesServeTheProbesAndMetricsTheChartAsksFor() {
        Properties platform = platformDefaults();

        assertThat(platform.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(platform.getProperty("management.endpoints.web.exposure.include")).contains("health", "prometheus");
        assertThat(platform.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(platform.getProperty("spring.kafka.consumer.group-id")).isEqualTo("${spring.application.name}");
        assertThat(Sources.read(Sources.ROOT.resolve("gateway/src/main/resources/application.yml")))
                .contains("probes:\n        enabled: true").contains("shutdown: graceful");
    }

    private static List<JsonNode> services(List<JsonNode> objects) {
        return Chart.ofKind(objects, "Deployment").stream()
                .filter(deployment -> !deployment.path("metadata").path("name").asString().equals("exchange-redis"))
                .toList();
    }

    private static Properties platformDefaults() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Sources.read(Sources.ROOT.resolve(
                    "infra/platform/src/main/resources/exchange-platform-defaults.properties"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}

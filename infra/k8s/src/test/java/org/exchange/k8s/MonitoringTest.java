package org.exchange.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboards and alerts ask only for metrics the services export, and every alert says where its runbook is. */
class MonitoringTest {

    private static final Pattern METER = Pattern.compile("(?:Gauge|Counter|Timer)\\.builder\\(\"(exchange\\.[a-z.-]+)\"");
    private static final Pattern PLATFORM_METRIC = Pattern.compile("\\bexchange_[a-z_]+");

    @Test
    void everyServiceAndTheGatewaySampleTracesAndExportThemWhereTheOverlayNamesACollector() {
        assertThat(deployments(Chart.render())).allSatisfy(env -> {
            assertThat(env).containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1")
                    .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        });
        assertThat(deployments(Chart.render(Chart.HOME.resolve("values-production.yaml")))).allSatisfy(env -> {
            assertThat(env).containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.05")
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "http://otel-collector.observability:4318/v1/traces");
        });
    }

    /** Each platform deployment's container environment (literal values only). */
    private static List<Map<String, String>> deployments(List<JsonNode> objects) {
        return Chart.ofKind(objects, "Deployment").stream()
                .filter(deployment -> !deployment.at("/metadata/name").asString().equals("exchange-redis"))
                .map(deployment -> {
                    Map<String, String> env = new TreeMap<>();
                    deployment.at("/spec/template/spec/containers/0/env").forEach(variable -> {
                        if (variable.has("value")) {
                            env.put(variable.path("name").asString(), variable.path("value").asString());
                        }
                    });
                    return env;
                })
                .toList();
    }

    @Test
    void everyScrapedServiceHasADashboardGrafanaLoads() {
        List<JsonNode> objects = Chart.render();

        assertThat(Chart.ofKind(objects, "ServiceMonitor")).extracting(monitor -> monitor.at("/metadata/name").asString())
                .containsExactlyInAnyOrder("gateway", "membership-service", "exchange-service", "assessment-service",
                        "accreditation-service", "notification-service");
        for (JsonNode monitor : Chart.ofKind(objects, "ServiceMonitor")) {
            String name = monitor.at("/metadata/name").asString();
            JsonNode configMap = Chart.named(objects, "ConfigMap", name + "-dashboard");
            assertThat(configMap.at("/metadata/labels/grafana_dashboard").asString()).isEqualTo("1");
            JsonNode dashboard = JsonMapper.builder().build().readTree(configMap.at("/data").path(name + ".json")
                    .asString());
            assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> assertThat(
                    panel.at("/targets/0/expr").asString()).contains("job=\"" + name + "\""));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "", "values-production.yaml" })
    void theGatewayIsScrapedAndProbedOnItsManagementPortWhichThePublicServiceDoesNotExpose(String overlay) {
        List<JsonNode> objects = overlay.isEmpty() ? Chart.render() : Chart.render(Chart.HOME.resolve(overlay));
        JsonNode gateway = Chart.named(objects, "Deployment", "gateway");
        JsonNode container = gateway.at("/spec/template/spec/containers/0");
        int management = 0;
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals("management")) {
                management = port.path("containerPort").asInt();
            }
        }
        assertThat(management).as("the gateway's management container port").isPositive()
                .isNotEqualTo(container.at("/ports/0/containerPort").asInt());
        assertThat(deployments(List.of(gateway)).getFirst())
                .containsEntry("MANAGEMENT_SERVER_PORT", String.valueOf(management))
                .containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asString()).as(probe).isEqualTo("management");
        }
        assertThat(gateway.at("/spec/template/metadata/annotations/prometheus.io~1port").asString())
                .isEqualTo(String.valueOf(management));

        JsonNode publicService = Chart.named(objects, "Service", "gateway");
        assertThat(publicService.path("spec").path("ports")).extracting(port -> port.path("targetPort").asString())
                .as("what the ingress can reach").containsExactly("http");
        JsonNode managementService = Chart.named(objects, "Service", "gateway-management");
        assertThat(managementService.at("/spec/type").asString()).isEqualTo("ClusterIP");
        assertThat(managementService.at("/spec/ports/0/targetPort").asString()).isEqualTo("management");
        assertThat(managementService.at("/spec/ports/0/port").asInt()).isEqualTo(management);
        assertThat(managementService.at("/spec/selector")).isEqualTo(gateway.at("/spec/selector/matchLabels"));

        JsonNode monitor = Chart.named(objects, "ServiceMonitor", "gateway");
        assertThat(monitor.at("/spec/endpoints/0/port").asString()).isEqualTo("management");
        assertThat(monitor.at("/spec/jobLabel").asString()).isEqualTo("app.kubernetes.io/name");
        monitor.at("/spec/selector/matchLabels").properties().forEach(label -> assertThat(
                managementService.at("/metadata/labels").path(label.getKey()).asString())
                .as("the monitor selects the management Service by %s", label.getKey())
                .isEqualTo(label.getValue().asString()));
        assertThat(monitor.at("/spec/selector/matchLabels").properties()).as("and not the public Service")
                .anySatisfy(label -> assertThat(publicService.at("/metadata/labels").path(label.getKey()).asString())
                        .isNotEqualTo(label.getValue().asString()));
    }

    @Test
    void theDashboardsAndAlertsNameOnlyMetricsTheCodeRegisters() {
        Set<String> registered = new TreeSet<>();
        for (Path file : Sources.mainJava()) {
            Matcher meter = METER.matcher(Sources.read(file));
            while (meter.find()) {
                registered.add(meter.group(1).replace('.', '_').replace('-', '_'));
            }
        }
        StringBuilder queries = new StringBuilder();
        List<JsonNode> objects = Chart.render();
        Chart.ofKind(objects, "ConfigMap").forEach(configMap -> queries.append(configMap.path("data")));
        Chart.ofKind(objects, "PrometheusRule").forEach(rule -> queries.append(rule.path("spec")));

        Set<String> asked = new TreeSet<>();
        Matcher metric = PLATFORM_METRIC.matcher(queries);
        while (metric.find()) {
            asked.add(metric.group().replaceAll("_(total|seconds)$", ""));
        }

        assertThat(registered).contains("exchange_outbox_incomplete", "exchange_dead_letters", "exchange_mail_sent");
        assertThat(asked).isNotEmpty().isSubsetOf(registered);
    }

    @Test
    void everyAlertLinksToItsSectionOfTheOperationsGuide() {
        String guide = Sources.read(Sources.ROOT.resolve("docs/operations.md"));
        List<String> alerts = new ArrayList<>();
        Chart.named(Chart.render(), "PrometheusRule", "exchange").at("/spec/groups").forEach(group -> group
                .path("rules").forEach(rule -> {
                    String alert = rule.path("alert").asString();
                    alerts.add(alert);
                    assertThat(rule.at("/annotations/runbook").asString())
                            .isEqualTo("docs/operations.md#" + alert.toLowerCase());
                }));

        assertThat(alerts).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(alert -> assertThat(guide).contains("\n### " + alert + "\n"));
    }
}

package org.exchange.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The chart renders, for the default values and for the production overlay, only objects the pinned Kubernetes and
 * operator schemas accept; and a broken template or value fails here, in the build, not at install time.
 */
class ChartSchemaTest {

    @Test
    void everyObjectOfTheDefaultValuesIsValidForKubernetesAndTheOperators() {
        List<JsonNode> objects = Chart.render();

        assertThat(objects).extracting(object -> object.path("kind").asString()).contains("Deployment", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "Cluster", "Kafka", "KafkaNodePool", "KafkaTopic",
                "Keycloak", "Secret", "ServiceMonitor", "PrometheusRule", "ConfigMap");
        assertThat(objects.stream().flatMap(object -> KubernetesSchemas.errors(object).stream())).isEmpty();
    }

    @Test
    void everyObjectOfTheProductionOverlayIsValidForKubernetesAndTheOperators() {
        List<JsonNode> objects = Chart.render(Chart.PRODUCTION);

        assertThat(objects).extracting(object -> object.path("kind").asString())
                .contains("ExternalSecret", "ScheduledBackup")
                .doesNotContain("Secret");
        assertThat(objects.stream().flatMap(object -> KubernetesSchemas.errors(object).stream())).isEmpty();
    }

    @Test
    void theRealmImportIsValidWhenARealmIsGiven() throws Exception {
        String realm = Files.readString(Path.of("../keycloak/realm-exchange.json"));
        List<JsonNode> objects = Chart.render(Chart.HOME, List.of(), Map.of("realm", realm));

        JsonNode realmImport = Chart.named(objects, "KeycloakRealmImport", "exchange-realm");
        assertThat(realmImport.path("spec").path("realm").path("realm").asString()).isEqualTo("exchange");
        assertThat(KubernetesSchemas.errors(realmImport)).isEmpty();
    }

    @Test
    void aDatabaseRestoredFromItsBackupIsValidAndArchivesUnderANewServerName() {
        List<JsonNode> objects = Chart.render(Chart.HOME, List.of(Chart.PRODUCTION), Map.of(
                "database.restore.membership-db.fromServerName", "membership-db",
                "database.restore.membership-db.generation", "2",
                "database.restore.membership-db.targetTime", "2026-12-01 02:30:00+00:00"));

        JsonNode restored = Chart.named(objects, "Cluster", "membership-db");
        assertThat(KubernetesSchemas.errors(restored)).isEmpty();
        assertThat(restored.at("/spec/bootstrap/recovery/source").asString()).isEqualTo("membership-db-backup");
        assertThat(restored.at("/spec/externalClusters/0/barmanObjectStore/serverName").asString())
                .isEqualTo("membership-db");
        assertThat(restored.at("/spec/backup/barmanObjectStore/serverName").asString()).isEqualTo("membership-db-2");
        assertThat(Chart.named(objects, "Cluster", "exchange-db").at("/spec/bootstrap").isMissingNode()).isTrue();
    }

    @Test
    void helmLintFindsNothingWrongEvenStrictly() {
        LintResult lint = Chart.lint(Chart.HOME);

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void helmLintFindsNothingWrongInTheProductionOverlayEither(@TempDir Path copy) throws Exception {
        LintResult lint = Chart.lint(Chart.PRODUCTION, copy);

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void aValueOfTheWrongTypeFailsValidation() {
        List<JsonNode> objects = Chart.render(Chart.HOME, List.of(),
                Map.of("shutdown.preStopSleepSeconds", "a while"));

        assertThat(KubernetesSchemas.errors(Chart.named(objects, "Deployment", "exchange-service")))
                .anySatisfy(error -> assertThat(error).contains("preStop").contains("seconds"));
    }

    @Test
    void aMisspeltFieldInATemplateFailsValidation(@TempDir Path copy) throws Exception {
        Path chart = Chart.copyTo(copy);
        Path services = chart.resolve("templates/services.yaml");
        Files.writeString(services, Files.readString(services)
                .replace("terminationGracePeriodSeconds:", "terminationGracePeriod:"));

        List<JsonNode> objects = Chart.render(chart, List.of(), Map.of());

        assertThat(KubernetesSchemas.errors(Chart.named(objects, "Deployment", "gateway")))
                .anySatisfy(error -> assertThat(error).contains("terminationGracePeriod"));
    }

    @Test
    void aTemplateThatDoesNotParseFailsTheRendering(@TempDir Path copy) throws Exception {
        Path chart = Chart.copyTo(copy);
        Path engines = chart.resolve("templates/engines.yaml");
        Files.writeString(engines, Files.readString(engines).replace("{{ .Values.kafka.replicas }}",
                "{{ .Values.kafka.replicas }"));

        assertThatThrownBy(() -> Chart.render(chart, List.of(), Map.of())).hasMessageContaining("engines.yaml");
    }

    @Test
    void aMisspeltFieldOfACustomResourceFailsValidation() {
        List<JsonNode> resources = Chart.objects("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: { name: exchange-events, labels: { strimzi.io/cluster: exchange } }
                spec: { topicName: exchange.events, partition: 8, replicas: 3 }
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: { name: exchange-db }
                spec: { instances: 2, storage: { sizes: 5Gi } }
                """);

        assertThat(resources).allSatisfy(resource -> assertThat(KubernetesSchemas.errors(resource)).isNotEmpty());
    }

    @Test
    void aKindWithoutAVendoredSchemaIsAnError() {
        JsonNode ingress = Chart.objects("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: { name: exchange }
                """).getFirst();

        assertThat(KubernetesSchemas.errors(ingress)).singleElement().asString().contains("no schema");
    }
}

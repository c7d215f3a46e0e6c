package org.exchange.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Each consuming service scales on its own: it reads as a consumer group of its own, and every topic it reads has a
 * partition for each replica its autoscaler may start (a consumer beyond the partition count would sit idle).
 */
class ScaleOutTest {

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(topics = Topics\\.([A-Z_]+)\\)");

    @ParameterizedTest
    @ValueSource(strings = { "", "values-production.yaml" })
    void theChartNamesTheTopicsEachServiceListensToInItsCode(String overlay) {
        Map<String, Set<String>> declared = new TreeMap<>();
        values(overlay).path("services").properties().forEach(service -> declared.put(service.getKey(),
                StreamSupport.stream(service.getValue().path("consumes").spliterator(), false)
                        .map(JsonNode::asString).collect(Collectors.toCollection(TreeSet::new))));

        Map<String, Set<String>> listened = new TreeMap<>();
        declared.keySet().forEach(service -> listened.put(service, new TreeSet<>()));
        for (Path file : Sources.mainJava()) {
            Matcher listener = LISTENER.matcher(Sources.read(file));
            while (listener.find()) {
                listened.computeIfAbsent(Sources.moduleOf(file), service -> new TreeSet<>())
                        .add(listener.group(1).toLowerCase());
            }
        }

        assertThat(declared).isEqualTo(listened);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "values-production.yaml" })
    void everyTopicHasAPartitionForEachReplicaItsConsumersMayRun(String overlay) {
        JsonNode values = values(overlay);
        List<JsonNode> objects = render(overlay);

        values.path("services").properties().forEach(service -> {
            int maxReplicas = Chart.named(objects, "HorizontalPodAutoscaler", service.getKey())
                    .path("spec").path("maxReplicas").asInt();
            service.getValue().path("consumes").forEach(context -> {
                JsonNode topic = Chart.named(objects, "KafkaTopic", context.asString() + "-events");
                assertThat(topic.path("spec").path("partitions").asInt())
                        .as("partitions of %s, read by %s with up to %d replicas", topic.path("spec")
                                .path("topicName").asString(), service.getKey(), maxReplicas)
                        .isGreaterThanOrEqualTo(maxReplicas);
            });
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "values-production.yaml" })
    void eachServiceReadsAsAConsumerGroupOfItsOwn(String overlay) {
        List<JsonNode> consumers = Chart.ofKind(render(overlay), "Deployment").stream()
                .filter(deployment -> groupOf(deployment) != null)
                .toList();

        assertThat(consumers).hasSize(5).allSatisfy(deployment -> assertThat(groupOf(deployment))
                .isEqualTo(deployment.path("metadata").path("name").asString()));
    }

    private static String groupOf(JsonNode deployment) {
        for (JsonNode env : deployment.at("/spec/template/spec/containers/0/env")) {
            if ("SPRING_KAFKA_CONSUMER_GROUPID".equals(env.path("name").asString())) {
                return env.path("value").asString();
            }
        }
        return null;
    }

    /** The values in effect: the overlay's services replace the defaults' (each service is given whole). */
    private static JsonNode values(String overlay) {
        return Chart.values(overlay.isEmpty() ? Chart.HOME.resolve("values.yaml") : Chart.HOME.resolve(overlay));
    }

    private static List<JsonNode> render(String overlay) {
        return overlay.isEmpty() ? Chart.render() : Chart.render(Chart.HOME.resolve(overlay));
    }
}

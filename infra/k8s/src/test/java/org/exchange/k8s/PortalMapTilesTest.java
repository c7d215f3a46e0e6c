package org.exchange.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The portal's map tiles (the gateway's {@code exchange.gateway.portal.map-tiles.*}, {@code MapTiles}) are a value of
 * the chart: none by default, and when a tile server is given, the gateway gets it in the environment variables
 * Spring Boot binds to those properties, never the services; a tile server without its credit is refused at rendering.
 */
class PortalMapTilesTest {

    private static final String PREFIX = "exchange.gateway.portal.map-tiles";

    @Test
    void byDefaultTheGatewayHasNoTileServerAndTheMapsDrawTheirOwnOutlines() {
        List<JsonNode> objects = Chart.render();

        assertThat(environment(Chart.named(objects, "Deployment", "gateway")).keySet())
                .noneMatch(name -> name.startsWith("EXCHANGE_GATEWAY_PORTAL_MAPTILES"));
    }

    @Test
    void aTileServerInTheValuesReachesTheGatewayAsItsMapTilesProperties(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("tiles.yaml"), """
                portal:
                  mapTiles:
                    url: "https://{s}.tile.example.org/{z}/{x}/{y}.png"
                    attribution: "© Example mappers, tiles CC BY-SA"
                    attributionUrl: "https://tile.example.org/copyright"
                """);

        List<JsonNode> objects = Chart.render(Chart.HOME, List.of(values), Map.of());

        JsonNode gateway = Chart.named(objects, "Deployment", "gateway");
        Map<String, String> env = environment(gateway);
        assertThat(env).containsEntry(envName(PREFIX + ".url"), "https://{s}.tile.example.org/{z}/{x}/{y}.png")
                .containsEntry(envName(PREFIX + ".attribution"), "© Example mappers, tiles CC BY-SA")
                .containsEntry(envName(PREFIX + ".attribution-url"), "https://tile.example.org/copyright");
        assertThat(KubernetesSchemas.errors(gateway)).isEmpty();
        assertThat(environment(Chart.named(objects, "Deployment", "membership-service")).keySet())
                .as("only the gateway serves the portal")
                .noneMatch(name -> name.startsWith("EXCHANGE_GATEWAY_PORTAL_MAPTILES"));
    }

    @Test
    void theVariablesNameTheGatewaysOwnProperties() {
        String mapTiles = Sources.read(Sources.ROOT.resolve(
                "gateway/src/main/java/org/exchange/gateway/portal/MapTiles.java"));

        assertThat(mapTiles).contains("@ConfigurationProperties(\"" + PREFIX + "\")")
                .contains("record MapTiles(String url, String attribution, String attributionUrl)");
        assertThat(Sources.read(Sources.ROOT.resolve("gateway/src/main/resources/application.yml")))
                .contains("map-tiles:\n        url: \"\"\n        attribution: \"\"\n        attribution-url: \"\"");
    }

    @Test
    void aTileServerWithoutTheCreditItsProviderAsksForFailsTheRendering(@TempDir Path dir) throws IOException {
        Path values = Files.writeString(dir.resolve("tiles.yaml"), """
                portal:
                  mapTiles:
                    url: "https://tile.example.org/{z}/{x}/{y}.png"
                """);

        assertThatThrownBy(() -> Chart.render(Chart.HOME, List.of(values), Map.of()))
                .hasMessageContaining("portal.mapTiles.attribution is required");
    }

    /** Spring Boot's environment variable for a property: upper case, dots to underscores, dashes dropped. */
    private static String envName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> environment(JsonNode deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        deployment.at("/spec/template/spec/containers/0/env").forEach(variable -> {
            if (variable.has("value")) {
                env.put(variable.get("name").asString(), variable.get("value").asString());
            }
        });
        return env;
    }
}

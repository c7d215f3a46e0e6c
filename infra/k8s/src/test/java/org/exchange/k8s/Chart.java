package org.exchange.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The chart in {@code exchange/}, rendered by helm (helm-java: helm as a native library) into its objects. */
final class Chart {

    /** The chart's folder; the module's tests run with the module folder as working directory. */
    static final Path HOME = Path.of("exchange");
    static final Path PRODUCTION = HOME.resolve("values-production.yaml");
    static final String RELEASE = "exchange";
    static final String NAMESPACE = "exchange";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Chart() {
    }

    /** {@code helm template} with the default values, then the values files in order, then the {@code --set}s. */
    static List<JsonNode> render(Path chart, List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        valuesFiles.forEach(template::withValuesFile);
        sets.forEach(template::set);
        return objects(template.call());
    }

    static List<JsonNode> render(Path... valuesFiles) {
        return render(HOME, List.of(valuesFiles), Map.of());
    }

    /** {@code helm lint --strict} of the chart with its default values. */
    static LintResult lint(Path chart) {
        return new Helm(chart).lint().strict().call();
    }

    /**
     * {@code helm lint --strict} with an overlay: helm-java's lint takes no values file, so a copy of the chart gets
     * the values helm would compute (the defaults, the overlay merged over them: maps merged, anything else replaced).
     */
    static LintResult lint(Path overlay, Path copy) throws java.io.IOException {
        Path chart = copyTo(copy);
        JsonNode merged = merge(values(HOME.resolve("values.yaml")), values(overlay));
        Files.writeString(chart.resolve("values.yaml"), YAML.writeValueAsString(merged));
        return lint(chart);
    }

    private static JsonNode merge(JsonNode defaults, JsonNode overlay) {
        if (!(defaults instanceof tools.jackson.databind.node.ObjectNode merged) || !overlay.isObject()) {
            return overlay;
        }
        overlay.properties().forEach(entry -> merged.set(entry.getKey(),
                merged.has(entry.getKey()) ? merge(merged.get(entry.getKey()), entry.getValue()) : entry.getValue()));
        return merged;
    }

    /** The values as helm starts from them (values.yaml). */
    static JsonNode values(Path file) {
        return YAML.readTree(file.toFile());
    }

    /** The objects of a multi-document YAML stream, without the empty documents. */
    static List<JsonNode> objects(String manifests) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asString())).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream()
                .filter(object -> name.equals(object.path("metadata").path("name").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The chart renders no " + kind + " " + name));
    }

    /** A copy of the chart to break on purpose. */
    static Path copyTo(Path target) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(HOME)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(HOME.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}

package org.exchange.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schemas of the pinned Kubernetes version and of the operators' custom resources, vendored in
 * {@code src/test/resources/schemas} (README.md there names source, version and licence). Every schema is made strict
 * as kubeconform's {@code -strict} does: an object schema that lists its properties accepts no others, so a misspelt
 * or misplaced field fails instead of being dropped by the API server.
 */
final class KubernetesSchemas {

    static final String KUBERNETES = "schemas/kubernetes-v1.34.0/";
    static final String CRDS = "schemas/crds/";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private KubernetesSchemas() {
    }

    /** What is wrong with the object, by its schema; a kind without a vendored schema is itself an error. */
    static List<String> errors(JsonNode object) {
        String apiVersion = object.path("apiVersion").asString();
        String kind = object.path("kind").asString();
        String name = kind + " " + object.path("metadata").path("name").asString();
        Optional<Schema> schema = schemaOf(apiVersion, kind);
        if (schema.isEmpty()) {
            return List.of(name + ": no schema for " + apiVersion + " " + kind
                    + " in src/test/resources/schemas (vendor it, and name it in the README there)");
        }
        return schema.get().validate(object).stream().map(Error::toString).map(error -> name + ": " + error).toList();
    }

    private static Optional<Schema> schemaOf(String apiVersion, String kind) {
        String resource = location(apiVersion, kind);
        if (KubernetesSchemas.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        return Optional.of(SCHEMAS.computeIfAbsent(resource, KubernetesSchemas::load));
    }

    /** yannh/kubernetes-json-schema's naming for built-in kinds, datreeio/CRDs-catalog's for custom resources. */
    static String location(String apiVersion, String kind) {
        String lowerKind = kind.toLowerCase();
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return KUBERNETES + lowerKind + "-" + apiVersion + ".json";
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (!group.contains(".")) {
            return KUBERNETES + lowerKind + "-" + group + "-" + version + ".json";
        }
        return CRDS + group + "/" + lowerKind + "_" + version + ".json";
    }

    private static Schema load(String resource) {
        try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            ObjectNode schema = (ObjectNode) JSON.readTree(in);
            // "http://json-schema.org/schema#" names no draft the validator knows; the schemas are draft 7 in form
            schema.remove("$schema");
            implicitFields(schema);
            strict(schema);
            return REGISTRY.getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /**
     * The API server accepts apiVersion, kind and metadata on every object; some operators' CRDs (Keycloak's) leave
     * them out of their schema, which strictness would then refuse.
     */
    private static void implicitFields(ObjectNode schema) {
        ObjectNode properties = (ObjectNode) schema.path("properties");
        for (String field : List.of("apiVersion", "kind")) {
            if (!properties.has(field)) {
                properties.putObject(field).put("type", "string");
            }
        }
        if (!properties.has("metadata")) {
            properties.putObject("metadata").put("type", "object");
        }
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            object.forEach(KubernetesSchemas::strict);
        } else if (node.isArray()) {
            node.forEach(KubernetesSchemas::strict);
        }
    }
}

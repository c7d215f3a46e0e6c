package org.exchange.launcher;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal valid request body for an operation, generated from its OpenAPI schema: every required property, plus
 * those the caller names (the ids of the test's own fixtures, values a rule needs). A body must pass Bean Validation,
 * which runs before the service's own access checks: a refused role then meets the refusal, not a 400.
 */
final class RequestBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Function<String, JsonNode> known;

    /**
     * @param document the service's OpenAPI document
     * @param known the value to give a property of that name, or null to generate one from its schema
     */
    RequestBodies(JsonNode document, Function<String, JsonNode> known) {
        this.document = document;
        this.known = known;
    }

    /** The JSON body of an operation, or null when it takes none (or only a multipart form). */
    JsonNode forOperation(JsonNode operation) {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : value("body", schema, 0);
    }

    /** A value for a query parameter of that name and schema. */
    String forParameter(String name, JsonNode schema) {
        JsonNode value = value(name, schema, 0);
        return value.isString() ? value.asString() : value.toString();
    }

    private JsonNode value(String name, JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        JsonNode given = known.apply(name);
        if (given != null) {
            return given;
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("allOf")) {
            return value(name, resolved.get("allOf").get(0), depth);
        }
        if (resolved.has("oneOf")) {
            return value(name, resolved.get("oneOf").get(0), depth);
        }
        String type = resolved.path("type").asString("object");
        return switch (type) {
            case "object" -> object(resolved, depth);
            case "array" -> array(name, resolved, depth);
            case "integer" -> NODES.numberNode(resolved.path("minimum").asLong(1) < 1 ? 1 : resolved.path("minimum").asLong(1));
            case "number" -> NODES.numberNode(resolved.has("minimum") && resolved.get("minimum").asDouble() > 1
                    ? resolved.get("minimum").asDouble() : 1.0);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.stringNode(string(name, resolved));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode body = NODES.objectNode();
        if (depth > 6) {
            return body;
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean required = false;
            for (JsonNode r : schema.path("required")) {
                required |= r.asString().equals(field.getKey());
            }
            if (required || known.apply(field.getKey()) != null) {
                body.set(field.getKey(), value(field.getKey(), field.getValue(), depth + 1));
            }
        }
        return body;
    }

    private ArrayNode array(String name, JsonNode schema, int depth) {
        ArrayNode items = NODES.arrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        for (int i = 0; i < count; i++) {
            items.add(value(name + "[]", schema.path("items"), depth + 1));
        }
        return items;
    }

    private static String string(String name, JsonNode schema) {
        String format = schema.path("format").asString("");
        String text = switch (format) {
            case "date" -> LocalDate.now().plusDays(name.toLowerCase().contains("end") ? 120 : 0).toString();
            case "date-time" -> LocalDateTime.now().plusDays(7).withNano(0).toString();
            case "uuid" -> "00000000-0000-4000-8000-00000000a0a0";
            case "email" -> "matrix@demo.exchange.test";
            case "uri", "url" -> "https://example.org/matrix";
            default -> "Matrix check";
        };
        int min = schema.path("minLength").asInt(0);
        return text.length() >= min ? text : text + "x".repeat(min - text.length());
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asString();
            current = document.at(ref.substring(1));
        }
        return current;
    }
}

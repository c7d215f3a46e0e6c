package org.exchange.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorded events: for each event type, one payload as its publisher wrote it, committed under
 * {@code src/test/resources/recorded/<context>/<Fact>.v<n>.json} (in the contracts' test jar as
 * {@code recorded/...}), and the variants a consumer must read: with properties a newer version added, and without
 * the optional properties an older publisher did not send.
 */
public final class RecordedEvents {

    /** A property no version has, standing for what a newer version adds. */
    public static final String UNKNOWN_PROPERTY = "addedByANewerVersion";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedEvents() {
    }

    /** Where an event type's recorded payload lives, relative to the test resources. */
    public static String location(Class<?> event) {
        return "recorded/" + EventTypes.schemaLocation(event).substring("schemas/".length());
    }

    /** The recorded payload of an event type, from the classpath. */
    public static JsonNode of(Class<?> event) {
        try (InputStream in = RecordedEvents.class.getClassLoader().getResourceAsStream(location(event))) {
            if (in == null) {
                throw new IllegalStateException("No recorded event " + location(event) + " for " + event.getName());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload with a property no version has in each of its objects, nested ones too. */
    public static JsonNode withUnknownProperties(JsonNode payload) {
        JsonNode copy = payload.deepCopy();
        addUnknown(copy);
        return copy;
    }

    private static void addUnknown(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.values().forEach(RecordedEvents::addUnknown);
            ObjectNode added = object.putObject(UNKNOWN_PROPERTY);
            added.put("note", "a newer version's field");
            added.putArray("values").add(1);
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(RecordedEvents::addUnknown);
        }
    }

    /** The payload without the properties its schema does not require, in nested objects too. */
    public static JsonNode withoutOptionalProperties(JsonNode payload, JsonNode schema) {
        JsonNode copy = payload.deepCopy();
        removeOptional(copy, schema);
        return copy;
    }

    private static void removeOptional(JsonNode node, JsonNode schema) {
        if (node instanceof ObjectNode object) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asString()));
            for (Map.Entry<String, JsonNode> property : List.copyOf(object.properties())) {
                if (!required.contains(property.getKey())) {
                    object.remove(property.getKey());
                } else {
                    removeOptional(property.getValue(), schema.path("properties").path(property.getKey()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(element -> removeOptional(element, schema.path("items")));
        }
    }
}

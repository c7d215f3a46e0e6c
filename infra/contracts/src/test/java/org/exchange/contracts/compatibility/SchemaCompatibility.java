package org.exchange.contracts.compatibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Compares an event's JSON schema with its released version and lists what would break a consumer. Events stay on
 * their topics and are replayed from dead letters, and producers and consumers deploy one by one, so a schema must
 * keep both directions: every event valid under the released version stays valid (a consumer built on the current
 * schema reads old events), and every event valid under the current schema is still read by a consumer of the
 * released version. The one change that keeps both is a new optional property where the released version allows
 * additional properties. Only the keywords the contracts use are understood; any other keyword may not change.
 */
public final class SchemaCompatibility {

    /** A change that breaks a consumer, and why. */
    public enum Rule {
        IDENTITY_CHANGED("the schema's $schema or $id changed: it is another schema, publish it as a new version"),
        PROPERTY_REMOVED("a property was removed or renamed: consumers of the released version read it"),
        PROPERTY_NEWLY_REQUIRED("a property became required: events published under the released version may lack it"),
        PROPERTY_NO_LONGER_REQUIRED("a required property became optional: consumers of the released version rely on it"),
        PROPERTY_ADDED_WHERE_FORBIDDEN("a property was added where the released version forbids additional properties"),
        ADDITIONAL_PROPERTIES_TIGHTENED("additionalProperties was tightened: events published with more properties fail it"),
        ADDITIONAL_PROPERTIES_LOOSENED("additionalProperties was loosened: consumers of the released version reject the extra properties"),
        TYPE_NARROWED("the type was narrowed: events published under the released version may have the dropped type"),
        TYPE_WIDENED("the type was widened: consumers of the released version do not expect the added type"),
        TYPE_CHANGED("the type changed: neither version reads the other's values"),
        CONSTRAINT_NARROWED("a constraint was tightened: events published under the released version may fail it"),
        CONSTRAINT_WIDENED("a constraint was relaxed or removed: consumers of the released version do not expect the new values"),
        CONSTRAINT_CHANGED("a constraint changed: neither version reads all of the other's values"),
        ENUM_VALUE_REMOVED("an enum value was removed: events published under the released version may carry it"),
        ENUM_VALUE_ADDED("an enum value was added: consumers of the released version do not know it"),
        UNKNOWN_KEYWORD_CHANGED("a keyword the check does not understand changed: teach SchemaCompatibility what it means");

        private final String why;

        Rule(String why) {
            this.why = why;
        }

        /** What this change breaks, in words. */
        public String why() {
            return why;
        }
    }

    /**
     * One breaking change.
     *
     * @param where a JSON pointer into the schema
     * @param rule the kind of change
     * @param detail the released and the current value
     */
    public record Breaking(String where, Rule rule, String detail) {

        @Override
        public String toString() {
            return (where.isEmpty() ? "/" : where) + ": " + rule + " (" + detail + "): " + rule.why();
        }
    }

    /** Words that describe and change nothing a consumer reads. */
    static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples", "deprecated");
    static final Set<String> IDENTITY = Set.of("$schema", "$id");
    /** Lower bounds: raising one tightens it. */
    static final Set<String> LOWER_BOUNDS = Set.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties");
    /** Upper bounds: lowering one tightens it. */
    static final Set<String> UPPER_BOUNDS = Set.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties");
    /** Constraints that admit fewer values when present and can only be compared for equality. */
    static final Set<String> EXACT_CONSTRAINTS = Set.of("format", "pattern", "const", "multipleOf", "uniqueItems");
    static final Set<String> STRUCTURE = Set.of("type", "properties", "required", "additionalProperties", "items", "enum");
    static final Set<String> ALL_TYPES = Set.of("array", "boolean", "integer", "null", "number", "object", "string");

    private SchemaCompatibility() {
    }

    /** What in {@code current} breaks a consumer of {@code released}; empty when the change is compatible. */
    public static List<Breaking> compare(JsonNode released, JsonNode current) {
        List<Breaking> found = new ArrayList<>();
        compare("", released, current, found);
        return found;
    }

    private static void compare(String where, JsonNode released, JsonNode current, List<Breaking> found) {
        released = trueAsEmpty(released);
        current = trueAsEmpty(current);
        if (released.isBoolean() || current.isBoolean()) {
            // false accepts nothing: becoming false narrows, leaving false widens
            if (!released.equals(current)) {
                found.add(new Breaking(where, current.isBoolean() ? Rule.CONSTRAINT_NARROWED : Rule.CONSTRAINT_WIDENED,
                        "schema " + released + " became " + current));
            }
            return;
        }
        Set<String> keywords = new TreeSet<>(released.propertyNames());
        keywords.addAll(current.propertyNames());
        for (String keyword : keywords) {
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            String at = where + "/" + escape(keyword);
            if (ANNOTATIONS.contains(keyword) || STRUCTURE.contains(keyword)) {
                continue;
            }
            if (IDENTITY.contains(keyword)) {
                if (!same(before, after)) {
                    found.add(new Breaking(at, Rule.IDENTITY_CHANGED, change(before, after)));
                }
            } else if (LOWER_BOUNDS.contains(keyword) || UPPER_BOUNDS.contains(keyword)) {
                bound(at, keyword, before, after, found);
            } else if (EXACT_CONSTRAINTS.contains(keyword)) {
                if (!same(before, after)) {
                    Rule rule = before == null ? Rule.CONSTRAINT_NARROWED
                            : after == null ? Rule.CONSTRAINT_WIDENED : Rule.CONSTRAINT_CHANGED;
                    found.add(new Breaking(at, rule, change(before, after)));
                }
            } else if (!same(before, after)) {
                found.add(new Breaking(at, Rule.UNKNOWN_KEYWORD_CHANGED, change(before, after)));
            }
        }
        types(where + "/type", released.get("type"), current.get("type"), found);
        enums(where + "/enum", released.get("enum"), current.get("enum"), found);
        objects(where, released, current, found);
        JsonNode itemsBefore = released.get("items");
        JsonNode itemsAfter = current.get("items");
        if (itemsBefore != null || itemsAfter != null) {
            compare(where + "/items", anyWhenAbsent(itemsBefore), anyWhenAbsent(itemsAfter), found);
        }
    }

    private static void types(String at, JsonNode before, JsonNode after, List<Breaking> found) {
        Set<String> was = typeSet(before);
        Set<String> is = typeSet(after);
        if (was.equals(is)) {
            return;
        }
        Rule rule = covers(was, is) ? Rule.TYPE_NARROWED : covers(is, was) ? Rule.TYPE_WIDENED : Rule.TYPE_CHANGED;
        found.add(new Breaking(at, rule, was + " became " + is));
    }

    private static Set<String> typeSet(JsonNode type) {
        if (type == null) {
            return ALL_TYPES;
        }
        Set<String> names = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(name -> names.add(name.asString()));
        } else {
            names.add(type.asString());
        }
        // "integer" is a subset of "number": ["integer", "number"] reads as ["number"]
        if (names.contains("number")) {
            names.remove("integer");
        }
        return names;
    }

    /** Whether every value of the types {@code narrower} is of the types {@code wider}. */
    private static boolean covers(Set<String> wider, Set<String> narrower) {
        return narrower.stream().allMatch(type -> wider.contains(type) || type.equals("integer") && wider.contains("number"));
    }

    private static void enums(String at, JsonNode before, JsonNode after, List<Breaking> found) {
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            found.add(new Breaking(at, before == null ? Rule.CONSTRAINT_NARROWED : Rule.CONSTRAINT_WIDENED,
                    change(before, after)));
            return;
        }
        Set<JsonNode> was = new LinkedHashSet<>();
        before.forEach(was::add);
        Set<JsonNode> is = new LinkedHashSet<>();
        after.forEach(is::add);
        for (JsonNode value : was) {
            if (!is.contains(value)) {
                found.add(new Breaking(at, Rule.ENUM_VALUE_REMOVED, value.toString()));
            }
        }
        for (JsonNode value : is) {
            if (!was.contains(value)) {
                found.add(new Breaking(at, Rule.ENUM_VALUE_ADDED, value.toString()));
            }
        }
    }

    private static void objects(String where, JsonNode released, JsonNode current, List<Breaking> found) {
        Map<String, JsonNode> before = properties(released);
        Map<String, JsonNode> after = properties(current);
        JsonNode extraBefore = anyWhenAbsent(released.get("additionalProperties"));
        JsonNode extraAfter = anyWhenAbsent(current.get("additionalProperties"));
        for (var property : before.entrySet()) {
            String at = where + "/properties/" + escape(property.getKey());
            JsonNode now = after.get(property.getKey());
            if (now == null) {
                found.add(new Breaking(at, Rule.PROPERTY_REMOVED, property.getKey()));
            } else {
                compare(at, property.getValue(), now, found);
            }
        }
        for (var property : after.entrySet()) {
            if (!before.containsKey(property.getKey())) {
                String at = where + "/properties/" + escape(property.getKey());
                if (extraBefore.isBoolean() && !extraBefore.asBoolean()) {
                    found.add(new Breaking(at, Rule.PROPERTY_ADDED_WHERE_FORBIDDEN, property.getKey()));
                } else if (!extraBefore.isBoolean()) {
                    // the released version holds the new property to its additionalProperties schema
                    compare(at, extraBefore, property.getValue(), found);
                }
            }
        }
        String at = where + "/additionalProperties";
        if (extraBefore.isBoolean() && extraAfter.isBoolean()) {
            if (extraBefore.asBoolean() != extraAfter.asBoolean()) {
                found.add(new Breaking(at, extraBefore.asBoolean() ? Rule.ADDITIONAL_PROPERTIES_TIGHTENED
                        : Rule.ADDITIONAL_PROPERTIES_LOOSENED, change(extraBefore, extraAfter)));
            }
        } else if (extraBefore.isBoolean() || extraAfter.isBoolean()) {
            boolean tightened = extraBefore.isBoolean() ? extraBefore.asBoolean() : !extraAfter.asBoolean();
            found.add(new Breaking(at, tightened ? Rule.ADDITIONAL_PROPERTIES_TIGHTENED
                    : Rule.ADDITIONAL_PROPERTIES_LOOSENED, change(extraBefore, extraAfter)));
        } else {
            compare(at, extraBefore, extraAfter, found);
        }
        Set<String> requiredBefore = names(released.get("required"));
        Set<String> requiredAfter = names(current.get("required"));
        for (String name : requiredAfter) {
            if (!requiredBefore.contains(name)) {
                found.add(new Breaking(where + "/required", Rule.PROPERTY_NEWLY_REQUIRED, name));
            }
        }
        for (String name : requiredBefore) {
            if (!requiredAfter.contains(name)) {
                found.add(new Breaking(where + "/required", Rule.PROPERTY_NO_LONGER_REQUIRED, name));
            }
        }
    }

    private static void bound(String at, String keyword, JsonNode before, JsonNode after, List<Breaking> found) {
        if (same(before, after)) {
            return;
        }
        Rule rule;
        if (before == null) {
            rule = Rule.CONSTRAINT_NARROWED;
        } else if (after == null) {
            rule = Rule.CONSTRAINT_WIDENED;
        } else {
            boolean raised = after.decimalValue().compareTo(before.decimalValue()) > 0;
            rule = raised == LOWER_BOUNDS.contains(keyword) ? Rule.CONSTRAINT_NARROWED : Rule.CONSTRAINT_WIDENED;
        }
        found.add(new Breaking(at, rule, change(before, after)));
    }

    private static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode node = schema.get("properties");
        if (node != null) {
            node.properties().forEach(entry -> properties.put(entry.getKey(), entry.getValue()));
        }
        return properties;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }

    /** The schema {@code true} accepts anything, as the empty schema does. */
    private static JsonNode trueAsEmpty(JsonNode schema) {
        return schema.isBoolean() && schema.asBoolean() ? JsonNodeFactory.instance.objectNode() : schema;
    }

    /** An absent subschema (items, additionalProperties) accepts anything, as {@code true} does. */
    private static JsonNode anyWhenAbsent(JsonNode schema) {
        return schema == null ? BooleanNode.TRUE : schema;
    }

    /** Equal as JSON, numbers by value: 1 and 1.0 are the same bound. */
    private static boolean same(JsonNode before, JsonNode after) {
        if (before == null || after == null) {
            return before == after;
        }
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    private static String change(JsonNode before, JsonNode after) {
        return (before == null ? "absent" : before.toString()) + " became " + (after == null ? "absent" : after.toString());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}

package org.exchange.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Instances of the contracts' records with a plausible value in every component, the same each time: a string the
 * schema gives a format has a value of that format, a list has one element, a nested record is filled in too.
 */
public final class EventSamples {

    private EventSamples() {
    }

    /** A filled-in instance of an integration event. */
    public static Object of(Class<?> event) {
        return instance(event, CurrentSchemas.of(event), EventTypes.typeName(event));
    }

    private static Object instance(Class<?> record, JsonNode schema, String seed) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            values[i] = value(types[i], components[i].getGenericType(), name, schema.path("properties").path(name),
                    seed + "/" + name);
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a sample " + record.getName(), e);
        }
    }

    private static Object value(Class<?> type, Type generic, String name, JsonNode schema, String seed) {
        if (type == UUID.class) return uuid(seed);
        if (type == String.class) return string(name, schema.path("format").asString(""), seed);
        if (type == Instant.class) return Instant.parse("2026-11-23T10:15:30Z");
        if (type == OffsetDateTime.class) return OffsetDateTime.parse("2026-11-23T10:15:30Z");
        if (type == LocalDate.class) return LocalDate.parse("2026-11-23");
        if (type == BigDecimal.class) return new BigDecimal("195.00");
        if (type == int.class || type == Integer.class) return 1;
        if (type == long.class || type == Long.class) return 1L;
        if (type == double.class || type == Double.class) return 52.48;
        if (type == boolean.class || type == Boolean.class) return true;
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type.isRecord()) return instance(type, schema, seed);
        if (type == List.class || type == Set.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Object one = value((Class<?>) element, element, name, schema.path("items"), seed + "/0");
            return type == List.class ? List.of(one) : Set.of(one);
        }
        if (type == Map.class) return Map.of();
        throw new IllegalArgumentException("No sample for " + type + " " + name + ": teach EventSamples one");
    }

    private static String string(String name, String format, String seed) {
        return switch (format) {
            case "uuid" -> uuid(seed).toString();
            case "email" -> "practitioner@example.org";
            case "date" -> "2026-11-23";
            case "date-time" -> "2026-11-23T10:15:30Z";
            default -> name.toLowerCase().contains("email") ? "practitioner@example.org" : "sample " + name;
        };
    }

    /** The same UUID for the same event and component each time. */
    private static UUID uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}

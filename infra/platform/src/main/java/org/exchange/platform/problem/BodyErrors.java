package org.exchange.platform.problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** What is wrong with a request body Jackson could not read, said the way the API's other field errors say it. */
final class BodyErrors {

    private BodyErrors() {
    }

    /** The field error for a mismatch: its path in the body, a message, and an enum's allowed values. */
    static Map<String, Object> of(MismatchedInputException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", path(e.getPath()));
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidNullException || (e.getMessage() != null && e.getMessage().contains("null"))) {
            error.put("message", "is required");
        } else if (e instanceof InvalidFormatException format) {
            error.put("message", "'" + format.getValue() + "' is not " + describe(target));
        } else {
            error.put("message", "must be " + describe(target));
        }
        if (target != null && target.isEnum()) {
            error.put("allowedValues", allowedValues(target));
        }
        return error;
    }

    /** A field's path as people read it: {@code when.startsAt}, {@code attendees[0].role}. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The names an enum accepts. */
    static List<String> allowedValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    /** What a value of the type looks like, for a message. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (type == UUID.class) {
            return "an id (a UUID such as 3f2b6c1e-8d2a-4f4e-9a7b-1c2d3e4f5a6b)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601, such as 2026-03-01 or 2026-03-01T16:00";
        }
        return "a valid " + type.getSimpleName();
    }
}

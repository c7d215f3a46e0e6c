package org.exchange.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON schemas the contracts publish now, read from this module's resources ({@code schemas/...}). */
public final class CurrentSchemas {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private CurrentSchemas() {
    }

    /** The current JSON schema of an integration event. */
    public static JsonNode of(Class<?> event) {
        try (InputStream in = CurrentSchemas.class.getClassLoader().getResourceAsStream(EventTypes.schemaLocation(event))) {
            if (in == null) {
                throw new IllegalStateException("No schema " + EventTypes.schemaLocation(event) + " for " + event.getName());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

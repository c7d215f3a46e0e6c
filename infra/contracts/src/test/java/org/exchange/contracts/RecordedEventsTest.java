package org.exchange.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import org.exchange.contracts.compatibility.ReleasedSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer of the released version of an event reads what is published now: each event type's recorded payload,
 * with a property a newer version would add and without the optional properties, is valid against the current
 * schema and against the released one. (The consumers' own reading code, the platform's inbox, reads the same
 * payloads in the platform's RecordedEventsReadingTest.)
 */
class RecordedEventsTest {

    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path RECORDED = MODULE.resolve("src/test/resources");
    static final String RECORD = "./mvnw -B -ntp -o -pl infra/contracts -am verify -Dtest=RecordedEventsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcontracts.record=true";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ReleasedSchemas RELEASED = ReleasedSchemas.in(MODULE.resolve("src/test/resources/released"));

    static Stream<Class<?>> events() {
        return IntegrationEventClasses.all().stream();
    }

    static Stream<Class<?>> releasedEvents() {
        return events().filter(event -> RELEASED.schemas().containsKey(EventTypes.typeName(event)));
    }

    @Test
    void everyEventTypeHasARecordedEvent() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Class<?> event : IntegrationEventClasses.all()) {
            Path file = RECORDED.resolve(RecordedEvents.location(event));
            if (!Files.exists(file) && Boolean.getBoolean("contracts.record")) {
                // recorded once, never rewritten: the file is a record of what the version published
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(EventSamples.of(event)) + "\n");
            }
            if (!Files.exists(file)) {
                missing.add(RecordedEvents.location(event));
            }
        }

        assertThat(missing).as("events not recorded yet; record them with%n  %s%nand commit them", RECORD).isEmpty();
    }

    @Test
    void everyRecordedEventIsOfAPublishedType() throws IOException {
        List<String> expected = events().map(RecordedEvents::location).toList();
        List<String> recorded;
        try (Stream<Path> files = Files.walk(RECORDED.resolve("recorded"))) {
            recorded = files.filter(Files::isRegularFile).map(file -> RECORDED.relativize(file).toString()).toList();
        }

        assertThat(recorded).as("recorded events of types no longer published: delete them with the type")
                .isSubsetOf(expected);
    }

    @ParameterizedTest
    @MethodSource("events")
    void aRecordedEventHasEveryPropertyOfItsSchemaAndIsValidAgainstIt(Class<?> event) {
        JsonNode schema = CurrentSchemas.of(event);
        JsonNode recorded = recorded(event);

        assertThat(recorded.propertyNames()).containsAll(schema.get("properties").propertyNames());
        assertValid(recorded, schema, "the current schema");
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventWithPropertiesOfANewerVersionIsValidAgainstTheCurrentSchema(Class<?> event) {
        assertValid(RecordedEvents.withUnknownProperties(recorded(event)), CurrentSchemas.of(event),
                "the current schema (a consumer of this version reads the next)");
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventWithoutItsOptionalPropertiesIsValidAgainstTheCurrentSchema(Class<?> event) {
        JsonNode schema = CurrentSchemas.of(event);

        assertValid(RecordedEvents.withoutOptionalProperties(recorded(event), schema), schema,
                "the current schema (a consumer reads a publisher that predates the optional properties)");
    }

    @ParameterizedTest
    @MethodSource("releasedEvents")
    void aConsumerOfTheReleasedVersionReadsTheRecordedEvent(Class<?> event) {
        JsonNode released = JSON.readTree(RELEASED.schemas().get(EventTypes.typeName(event)).toFile());
        JsonNode recorded = recorded(event);

        assertValid(recorded, released, "release " + RELEASED.version());
        assertValid(RecordedEvents.withoutOptionalProperties(recorded, CurrentSchemas.of(event)), released,
                "release " + RELEASED.version() + ", without the optional properties");
        if (!released.toString().contains("\"additionalProperties\":false")) {
            assertValid(RecordedEvents.withUnknownProperties(recorded), released,
                    "release " + RELEASED.version() + ", with properties of a newer version");
        }
    }

    private static JsonNode recorded(Class<?> event) {
        Path file = RECORDED.resolve(RecordedEvents.location(event));
        assertThat(file).as("recorded event of %s; record it with%n  %s", EventTypes.typeName(event), RECORD).exists();
        return JSON.readTree(file.toFile());
    }

    private static void assertValid(JsonNode payload, JsonNode schema, String against) {
        List<Error> errors = EventSchemasTest.SCHEMAS.getSchema(schema).validate(payload);

        assertThat(errors).as("%s against %s", payload, against).isEmpty();
    }
}

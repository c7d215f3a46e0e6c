package org.exchange.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every integration event has a JSON schema, and what we publish is valid against it. */
class EventSchemasTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Class<?>> events() {
        return IntegrationEventClasses.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventIsARecordInThePackageOfItsContext(Class<?> event) {
        EventType type = EventTypes.of(event);
        assertThat(event.isRecord()).as("%s is a record", event).isTrue();
        assertThat(event.getPackageName()).isEqualTo("org.exchange.contracts." + type.context());
        assertThat(type.name()).isEqualTo(event.getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("events")
    void aSerializedEventIsValidAgainstItsSchema(Class<?> event) throws Exception {
        Schema schema = schemaOf(event);
        JsonNode sample = JSON.valueToTree(sample(event));

        List<Error> errors = schema.validate(sample);

        assertThat(errors).as("%s against %s", sample, EventTypes.schemaLocation(event)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSchemaNamesOnlyFieldsTheEventHas(Class<?> event) throws Exception {
        JsonNode schema;
        try (InputStream in = schemaStream(event)) {
            schema = JSON.readTree(in);
        }
        Set<String> components = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(schema.get("title").asString()).isEqualTo(EventTypes.typeName(event));
        schema.get("properties").propertyNames().forEach(name -> assertThat(components).contains(name));
        schema.get("required").forEach(name -> assertThat(components).contains(name.asString()));
    }

    private static Schema schemaOf(Class<?> event) throws Exception {
        try (InputStream in = schemaStream(event)) {
            return SCHEMAS.getSchema(in);
        }
    }

    private static InputStream schemaStream(Class<?> event) {
        InputStream in = EventSchemasTest.class.getClassLoader().getResourceAsStream(EventTypes.schemaLocation(event));
        assertThat(in).as("schema %s of %s", EventTypes.schemaLocation(event), event.getName()).isNotNull();
        return in;
    }

    /** An instance with a plausible value in every component. */
    private static Object sample(Class<?> event) throws Exception {
        RecordComponent[] components = event.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleOf(types[i], components[i].getName());
        }
        return event.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleOf(Class<?> type, String name) {
        if (type == UUID.class) return UUID.randomUUID();
        if (type == String.class) return name.toLowerCase().contains("email") ? "someone@college.test" : "sample " + name;
        if (type == Instant.class) return Instant.parse("2026-11-23T10:15:30Z");
        if (type == OffsetDateTime.class) return OffsetDateTime.parse("2026-11-23T10:15:30Z");
        if (type == LocalDate.class) return LocalDate.parse("2026-11-23");
        if (type == BigDecimal.class) return new BigDecimal("195.00");
        if (type == int.class || type == Integer.class) return 1;
        if (type == long.class || type == Long.class) return 1L;
        if (type == double.class || type == Double.class) return 52.48;
        if (type == boolean.class || type == Boolean.class) return true;
        if (type.isEnum()) return type.getEnumConstants()[0];
        if (type == List.class) return List.of();
        if (type == Set.class) return Set.of();
        if (type == Map.class) return Map.of();
        throw new IllegalArgumentException("No sample for " + type + " " + name + ": teach EventSchemasTest one");
    }
}

package org.exchange.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every integration event has a JSON schema, and what we publish is valid against it. */
class EventSchemasTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Draft 2020-12, with formats (uuid, date-time, email ...) asserted rather than only annotated. */
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

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
    void aSerializedEventIsValidAgainstItsSchema(Class<?> event) {
        Schema schema = schemaOf(event);
        JsonNode sample = JSON.valueToTree(EventSamples.of(event));

        List<Error> errors = schema.validate(sample);

        assertThat(errors).as("%s against %s", sample, EventTypes.schemaLocation(event)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSchemaNamesOnlyFieldsTheEventHas(Class<?> event) {
        JsonNode schema = CurrentSchemas.of(event);
        Set<String> components = Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(schema.get("title").asString()).isEqualTo(EventTypes.typeName(event));
        schema.get("properties").propertyNames().forEach(name -> assertThat(components).contains(name));
        schema.get("required").forEach(name -> assertThat(components).contains(name.asString()));
    }

    private static Schema schemaOf(Class<?> event) {
        return SCHEMAS.getSchema(CurrentSchemas.of(event));
    }
}

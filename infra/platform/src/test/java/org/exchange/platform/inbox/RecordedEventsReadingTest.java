package org.exchange.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.exchange.contracts.CurrentSchemas;
import org.exchange.contracts.EventTypes;
import org.exchange.contracts.IntegrationEventClasses;
import org.exchange.contracts.RecordedEvents;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.platform.config.PlatformDefaults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer reads each recorded event (contracts' src/test/resources/recorded) with the inbox's own reading code and
 * the mapper a service has (Spring Boot's, with the platform's defaults): as published, with properties a newer
 * version adds (a consumer of version N reads N+1), and without the optional properties (it reads a publisher that
 * predates them).
 */
class RecordedEventsReadingTest {

    static JsonMapper serviceMapper;

    @BeforeAll
    static void theMapperOfAService() {
        new ApplicationContextRunner()
                .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(),
                        new SpringApplication()))
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> serviceMapper = context.getBean(JsonMapper.class));
    }

    static Stream<Class<?>> events() {
        return IntegrationEventClasses.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theInboxReadsTheRecordedEventWithNothingLost(Class<?> event) {
        JsonNode recorded = RecordedEvents.of(event);

        Object payload = read(recorded, event);

        assertThat(serviceMapper.readTree(serviceMapper.writeValueAsString(payload)))
                .as("%s read and written again", EventTypes.typeName(event)).isEqualTo(reparsed(recorded));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theInboxReadsAnEventWithPropertiesOfANewerVersion(Class<?> event) {
        JsonNode recorded = RecordedEvents.of(event);

        Object payload = read(RecordedEvents.withUnknownProperties(recorded), event);

        assertThat(payload).isEqualTo(read(recorded, event));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theInboxReadsAnEventWithoutItsOptionalProperties(Class<?> event) {
        JsonNode withoutOptional = RecordedEvents.withoutOptionalProperties(RecordedEvents.of(event), CurrentSchemas.of(event));

        Object payload = read(withoutOptional, event);

        assertThat(serviceMapper.readTree(serviceMapper.writeValueAsString(payload)))
                .as("%s without its optional properties, read and written again (absent reads as null)",
                        EventTypes.typeName(event))
                .isEqualTo(reparsed(withoutOptional));
    }

    @Test
    void aMapperThatFailedOnUnknownPropertiesWouldDeadLetterANewerVersion() {
        JsonMapper strict = serviceMapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        byte[] newer = bytes(RecordedEvents.withUnknownProperties(RecordedEvents.of(AttendanceRecorded.class)));

        assertThat(serviceMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        assertThatThrownBy(() -> Inbox.payload(strict, newer, AttendanceRecorded.class))
                .isInstanceOf(MalformedEventException.class)
                .cause().hasMessageContaining(RecordedEvents.UNKNOWN_PROPERTY);
    }

    private static Object read(JsonNode payload, Class<?> event) {
        return Inbox.payload(serviceMapper, bytes(payload), event);
    }

    private static byte[] bytes(JsonNode payload) {
        return payload.toString().getBytes(UTF_8);
    }

    /** The same JSON parsed by the service's mapper, so that numbers compare as the same kind of node. */
    private static JsonNode reparsed(JsonNode payload) {
        return serviceMapper.readTree(payload.toString());
    }
}

package org.exchange.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.CurrentSchemas;
import org.exchange.contracts.EventTypes;
import org.exchange.contracts.IntegrationEventClasses;
import org.exchange.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document in src/main/resources is what the code generates, is a valid AsyncAPI 3.0.0 document, and
 * lists every topic, event type and CloudEvents header.
 */
class AsyncApiDocumentTest {

    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path COMMITTED = MODULE.resolve("src/main/resources/asyncapi.yaml");
    static final String REGENERATE = "./mvnw -B -ntp -o -pl infra/contracts -am verify -Dtest=AsyncApiDocumentTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dasyncapi.regenerate=true";
    /** Value constants of {@link CloudEventHeaders}, not header names. */
    static final Set<String> HEADER_VALUES = Set.of("SPEC_VERSION_1_0", "JSON");

    static AsyncApiDocument generator;
    static ObjectNode document;

    @BeforeAll
    static void generate() {
        Path root = MODULE.resolve("../..").normalize();
        assertThat(root.resolve("infra/contracts/pom.xml")).as("repository root above %s", MODULE).exists();
        generator = new AsyncApiDocument(IntegrationEventClasses.all(), Subscriptions.readFrom(root));
        document = generator.tree();
    }

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String generated = generator.yaml();
        if (Boolean.getBoolean("asyncapi.regenerate")) {
            Files.writeString(COMMITTED, generated);
        }
        assertThat(COMMITTED).as("%s is missing; generate it with%n  %s", COMMITTED, REGENERATE).exists();
        List<String> committed = Files.readAllLines(COMMITTED);
        List<String> expected = generated.lines().toList();
        int line = 0;
        while (line < committed.size() && line < expected.size() && committed.get(line).equals(expected.get(line))) {
            line++;
        }
        assertThat(line == committed.size() && line == expected.size())
                .as("%s is out of date with the contracts or the services' listeners: first difference at line %d,%n"
                        + "  committed: %s%n  generated: %s%nRegenerate it with%n  %s%nand commit it",
                        MODULE.relativize(COMMITTED), line + 1, lineOrEnd(committed, line), lineOrEnd(expected, line),
                        REGENERATE)
                .isTrue();
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index).strip() : "(end of file)";
    }

    @Test
    void theDocumentIsValidAgainstTheAsyncApi300Schema() throws IOException {
        JsonNode committed = new YAMLMapper().readTree(Files.readString(COMMITTED));

        List<Error> errors = asyncApiSchema().validate(committed);

        assertThat(errors).as("AsyncAPI 3.0.0 schema errors in %s", COMMITTED).isEmpty();
    }

    @Test
    void theAsyncApiSchemaRejectsAnOperationWithoutItsChannel() throws IOException {
        ObjectNode broken = document.deepCopy();
        ((ObjectNode) broken.get("operations").properties().iterator().next().getValue()).remove("channel");
        broken.put("asyncapi", "2.6.0");

        List<Error> errors = asyncApiSchema().validate(broken);

        assertThat(errors).extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("channel"))
                .anySatisfy(message -> assertThat(message).contains("3.0.0"));
    }

    @Test
    void everyEventTypeIsOneMessageOnItsContextsChannelAndItsDeadLetters() {
        List<Class<?>> events = IntegrationEventClasses.all();
        List<String> messageNames = new ArrayList<>();
        document.get("components").get("messages").forEach(message -> messageNames.add(message.get("name").asString()));

        assertThat(messageNames).containsExactlyInAnyOrderElementsOf(events.stream().map(EventTypes::typeName).toList());
        for (Class<?> event : events) {
            String type = EventTypes.typeName(event);
            for (String channel : List.of(EventTypes.topic(event), Topics.deadLetter(EventTypes.topic(event)))) {
                assertThat(document.at(pointer("channels", channel, "messages", type, "$ref")).asString())
                        .as("%s on %s", type, channel).isEqualTo("#/components/messages/" + type);
            }
            JsonNode message = document.get("components").get("messages").get(type);
            assertThat(message.at("/payload/schema")).isEqualTo(CurrentSchemas.of(event));
            assertThat(message.at("/payload/schemaFormat").asString()).isEqualTo(AsyncApiDocument.SCHEMA_FORMAT);
            assertThat(message.at("/correlationId/location").asString()).isEqualTo("$message.header#/ce_id");
        }
    }

    @Test
    void everyTopicHasItsChannelAndItsDeadLetterChannelAndNothingElse() {
        Set<String> expected = new TreeSet<>();
        for (String topic : topicsOfTopicsClass()) {
            expected.add(topic);
            expected.add(Topics.deadLetter(topic));
        }
        Set<String> channels = new TreeSet<>(document.get("channels").propertyNames());

        assertThat(channels).isEqualTo(expected);
        channels.forEach(channel -> assertThat(document.at(pointer("channels", channel, "address")).asString())
                .isEqualTo(channel));
    }

    @Test
    void everyMessageCarriesEveryCloudEventsHeaderWithItsTypeAsAConstant() throws IllegalAccessException {
        List<String> headerNames = new ArrayList<>();
        for (Field field : CloudEventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !HEADER_VALUES.contains(field.getName())) {
                headerNames.add((String) field.get(null));
            }
        }
        assertThat(headerNames).hasSizeGreaterThanOrEqualTo(9);

        document.get("components").get("messages").properties().forEach(entry -> {
            JsonNode headers = entry.getValue().get("headers");
            assertThat(headers.get("properties").propertyNames()).as("headers of %s", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(headerNames);
            headers.get("properties").forEach(header -> assertThat(header.get("description").asString()).isNotBlank());
            assertThat(headers.at("/properties/ce_type/const").asString()).isEqualTo(entry.getKey());
            assertThat(headers.at("/properties/ce_dataschema/const").asString())
                    .isEqualTo(entry.getKey().replaceFirst("^(\\w+)\\.(\\w+)\\.v(\\d+)$", "schemas/$1/$2.v$3.json"));
        });
    }

    @Test
    void everyPublisherSendsItsTopicsEventsAndEveryOperationNamesMessagesOfItsChannel() {
        for (String topic : topicsOfTopicsClass()) {
            JsonNode messages = document.at(pointer("channels", topic, "messages"));
            JsonNode send = document.at(pointer("operations", AsyncApiDocument.publisher(topic) + ".sends." + topic));
            if (messages.isEmpty()) {
                assertThat(send.isMissingNode()).as("no send operation for %s, which has no events", topic).isTrue();
            } else {
                assertThat(send.get("action").asString()).isEqualTo("send");
                assertThat(send.get("messages")).hasSize(messages.size());
            }
        }
        document.get("operations").properties().forEach(entry -> {
            String channel = entry.getValue().at("/channel/$ref").asString();
            assertThat(document.at(channel.substring(1)).isObject()).as("%s of %s", channel, entry.getKey()).isTrue();
            entry.getValue().get("messages").forEach(message -> assertThat(message.get("$ref").asString())
                    .as("message of %s", entry.getKey()).startsWith(channel + "/messages/")
                    .satisfies(ref -> assertThat(document.at(ref.substring(1)).isObject()).isTrue()));
        });
    }

    @Test
    void eachConsumingServiceReceivesWhatItsListenersHandleInItsOwnConsumerGroup() {
        JsonNode receive = document.at(pointer("operations", "notification-service.receives.membership.events"));

        assertThat(receive.get("action").asString()).isEqualTo("receive");
        assertThat(receive.at("/bindings/kafka/groupId/const").asString()).isEqualTo("notification-service");
        assertThat(receive.get("messages").findValuesAsString("$ref"))
                .contains("#/channels/membership.events/messages/membership.PractitionerRegistered.v1")
                .doesNotContain("#/channels/membership.events/messages/membership.MouSigned.v1");
        assertThat(document.at(pointer("operations", "notification-service.dead-letters.membership.events",
                "channel", "$ref")).asString()).isEqualTo("#/channels/membership.events.dlt");
        document.get("operations").properties().forEach(entry -> {
            if (entry.getValue().get("action").asString().equals("receive")) {
                String service = entry.getKey().substring(0, entry.getKey().indexOf(".receives."));
                assertThat(entry.getValue().at("/channel/$ref").asString())
                        .as("%s reads another context's topic", service)
                        .isNotEqualTo("#/channels/" + service.replace("-service", ".events"));
                assertThat(entry.getValue().get("messages")).as("%s receives something", entry.getKey()).isNotEmpty();
            }
        });
    }

    @Test
    void theCatalogueInDocsNamesTheSameTopicsAndEventTypes() throws IOException {
        String catalogue = Files.readString(MODULE.resolve("../../docs/events.md"));
        Set<String> typesInDocs = new TreeSet<>();
        Matcher type = Pattern.compile("`(\\w+\\.\\w+\\.v\\d+)`").matcher(catalogue);
        while (type.find()) {
            typesInDocs.add(type.group(1));
        }

        assertThat(typesInDocs).as("event types named in docs/events.md")
                .isEqualTo(new TreeSet<>(document.get("components").get("messages").propertyNames()));
        topicsOfTopicsClass().forEach(topic -> assertThat(catalogue.contains("| `" + topic + "` |"))
                .as("docs/events.md lists topic %s", topic).isTrue());
        AsyncApiDocument.HEADERS.keySet().forEach(header -> assertThat(catalogue.contains("| `" + header + "` |"))
                .as("docs/events.md lists header %s", header).isTrue());
        assertThat(catalogue.contains("infra/contracts/src/main/resources/asyncapi.yaml"))
                .as("docs/events.md links the AsyncAPI document").isTrue();
    }

    private static List<String> topicsOfTopicsClass() {
        return AsyncApiDocument.publishedTopics();
    }

    private static Schema asyncApiSchema() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    /** A JSON pointer to the named members, escaped. */
    private static String pointer(String... names) {
        StringBuilder pointer = new StringBuilder();
        for (String name : names) {
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}

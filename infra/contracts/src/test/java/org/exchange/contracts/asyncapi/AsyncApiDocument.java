package org.exchange.contracts.asyncapi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.CurrentSchemas;
import org.exchange.contracts.EventType;
import org.exchange.contracts.EventTypes;
import org.exchange.contracts.Topics;
import org.exchange.contracts.asyncapi.Subscriptions.Subscription;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes the event catalogue as an AsyncAPI 3.0.0 document ({@code src/main/resources/asyncapi.yaml}) from what the
 * code says: the {@link EventType} classes and their JSON schemas, {@link Topics}, {@link CloudEventHeaders}, and the
 * services' listeners ({@link Subscriptions}). Nothing in it is written by hand, so it cannot drift from the code:
 * {@code AsyncApiDocumentTest} regenerates it and compares.
 */
final class AsyncApiDocument {

    static final String ASYNCAPI_VERSION = "3.0.0";
    /** Our schemas are JSON Schema draft 2020-12; AsyncAPI 3.0.0 allows any schema format named by a media type. */
    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";
    static final String KAFKA_BINDING_VERSION = "0.5.0";
    static final String SERVER = "kafka";
    static final String DEAD_LETTER_HEADERS = "kafka_dlt-original-topic, kafka_dlt-original-partition, "
            + "kafka_dlt-original-offset, kafka_dlt-original-timestamp, kafka_dlt-original-timestamp-type, "
            + "kafka_dlt-original-consumer-group, "
            + "kafka_dlt-exception-fqcn, kafka_dlt-exception-cause-fqcn, kafka_dlt-exception-message, "
            + "kafka_dlt-exception-stacktrace";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final Pattern SUBJECT = Pattern.compile("Record key and ce_subject: (\\w+)\\.");

    private final List<Class<?>> events;
    private final Subscriptions subscriptions;

    AsyncApiDocument(List<Class<?>> events, Subscriptions subscriptions) {
        this.events = List.copyOf(events);
        this.subscriptions = subscriptions;
    }

    /** The document as YAML text, as committed. */
    String yaml() {
        return YAML.writeValueAsString(tree());
    }

    /** The document as a tree. */
    ObjectNode tree() {
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", ASYNCAPI_VERSION);
        document.put("id", "urn:exchange:integration-events");
        document.set("info", info());
        document.put("defaultContentType", CloudEventHeaders.JSON);
        document.set("servers", servers());
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        for (String topic : publishedTopics()) {
            List<Class<?>> published = eventsOf(topic);
            channels.set(topic, channel(topic, publisher(topic) + " publishes the integration events of its context here;"
                    + " nobody else writes to it." + (published.isEmpty() ? " It publishes no event types yet." : ""),
                    published));
            String deadLetters = Topics.deadLetter(topic);
            channels.set(deadLetters, channel(deadLetters, "Dead letters of " + topic + ": a consumer parks here a record"
                    + " it could not handle after its retries (or at once when unreadable), unchanged, with Spring"
                    + " Kafka's failure headers added (" + DEAD_LETTER_HEADERS + "). Each consuming service keeps what its own group parked"
                    + " (reading it as <group>.dead-letters) for ops to list and replay (docs/reliability.md).",
                    published));
            if (!published.isEmpty()) {
                operations.set(publisher(topic) + ".sends." + topic,
                        operation("send", topic, published, publisher(topic) + " publishes after the commit of the"
                                + " transaction that recorded the fact (event publication registry).", null));
            }
        }
        for (Subscription subscription : subscriptions.all()) {
            String topic = subscription.topic();
            operations.set(subscription.service() + ".receives." + topic, operation("receive", topic,
                    subscription.events(), subscription.service() + " handles these types once each (processed_event);"
                            + " it skips other types on the topic.", subscription.service()));
            operations.set(subscription.service() + ".dead-letters." + topic, operation("send",
                    Topics.deadLetter(topic), subscription.events(), subscription.service() + " parks a record of these"
                            + " types it could not handle on the dead-letter topic.", null));
        }
        ObjectNode messages = document.putObject("components").putObject("messages");
        events.forEach(event -> messages.set(EventTypes.typeName(event), message(event)));
        return document;
    }

    private static ObjectNode info() {
        ObjectNode info = JSON.createObjectNode();
        info.put("title", "Exchange platform integration events");
        info.put("version", "0.1.0");
        info.put("description", """
                Every integration event of the Exchange platform. Each context publishes to its own topic \
                (`<context>.events`); nobody else writes there. Events are CloudEvents 1.0 in Kafka binary mode: the \
                attributes are record headers (`ce_*`), the record value is the JSON payload, the record key is the \
                subject (the aggregate's id), so one aggregate's events stay in order. Consumers are idempotent on \
                `ce_id`; what they cannot handle after retries goes to `<topic>.dlt`. Schemas change only by adding \
                optional fields; anything else is a new version (`.v2`) published beside the old one. Generated from \
                infra/contracts (event classes, JSON schemas, topics, headers) and the services' listeners; see \
                docs/events.md.""");
        return info;
    }

    private static ObjectNode servers() {
        ObjectNode servers = JSON.createObjectNode();
        ObjectNode kafka = servers.putObject(SERVER);
        kafka.put("host", "{bootstrap}");
        kafka.put("protocol", "kafka");
        kafka.put("description", "The deployment's Kafka cluster (KRaft). Services set it with spring.kafka.bootstrap-servers.");
        ObjectNode bootstrap = kafka.putObject("variables").putObject("bootstrap");
        bootstrap.put("default", "localhost:9092");
        bootstrap.put("description", "host:port of a bootstrap broker of the deployment.");
        return servers;
    }

    private ObjectNode channel(String address, String description, List<Class<?>> messages) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("address", address);
        channel.put("description", description);
        ObjectNode refs = channel.putObject("messages");
        messages.forEach(event -> refs.putObject(EventTypes.typeName(event))
                .put("$ref", "#/components/messages/" + EventTypes.typeName(event)));
        return channel;
    }

    private static ObjectNode operation(String action, String channel, List<Class<?>> messages, String description,
            String consumerGroup) {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        operation.put("description", description);
        ArrayNode refs = operation.putArray("messages");
        messages.forEach(event -> refs.addObject()
                .put("$ref", "#/channels/" + channel + "/messages/" + EventTypes.typeName(event)));
        if (consumerGroup != null) {
            ObjectNode kafka = operation.putObject("bindings").putObject("kafka");
            kafka.putObject("groupId").put("type", "string").put("const", consumerGroup)
                    .put("description", "spring.kafka.consumer.group-id: the service's name.");
            kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        }
        return operation;
    }

    private ObjectNode message(Class<?> event) {
        EventType type = EventTypes.of(event);
        JsonNode schema = CurrentSchemas.of(event);
        String description = schema.path("description").asString();
        String subject = subjectOf(event, description);
        List<String> receivers = subscriptions.receiversOf(event);

        ObjectNode message = JSON.createObjectNode();
        message.put("name", EventTypes.typeName(event));
        message.put("title", type.name());
        message.put("summary", description.substring(0, description.indexOf('.') + 1));
        message.put("description", description + " Published by " + publisher(EventTypes.topic(event)) + " to "
                + EventTypes.topic(event) + "; received by " + (receivers.isEmpty() ? "no service yet"
                : String.join(", ", receivers)) + ".");
        message.put("contentType", CloudEventHeaders.JSON);
        message.set("headers", headers(event, subject, isUuid(schema, subject)));
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", SCHEMA_FORMAT);
        payload.set("schema", schema);
        ObjectNode correlationId = message.putObject("correlationId");
        correlationId.put("description", "The CloudEvents id: unique per event, the same when an event is sent again;"
                + " consumers record it to handle each event once.");
        correlationId.put("location", "$message.header#/" + CloudEventHeaders.ID);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.set("key", keySchema(schema, subject));
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        message.putArray("tags").addObject().put("name", type.context());
        return message;
    }

    /** Every CloudEvents header of {@link CloudEventHeaders}, with the type and schema of this event as constants. */
    private static ObjectNode headers(Class<?> event, String subject, boolean uuidSubject) {
        ObjectNode headers = JSON.createObjectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes as Kafka record headers (binary content mode),"
                + " each a UTF-8 string.");
        ArrayNode required = headers.putArray("required");
        ObjectNode properties = headers.putObject("properties");
        for (Map.Entry<String, Header> entry : HEADERS.entrySet()) {
            Header header = entry.getValue();
            ObjectNode property = properties.putObject(entry.getKey());
            property.put("type", "string");
            if (header.format() != null) {
                property.put("format", header.format());
            } else if (entry.getKey().equals(CloudEventHeaders.SUBJECT) && uuidSubject) {
                property.put("format", "uuid");
            }
            if (header.pattern() != null) {
                property.put("pattern", header.pattern());
            }
            property.put("description", header.description().replace("{subject}", subject));
            String constant = switch (entry.getKey()) {
                case CloudEventHeaders.TYPE -> EventTypes.typeName(event);
                case CloudEventHeaders.SOURCE -> "/" + publisher(EventTypes.topic(event));
                case CloudEventHeaders.DATA_SCHEMA -> EventTypes.schemaLocation(event);
                case CloudEventHeaders.SPEC_VERSION -> CloudEventHeaders.SPEC_VERSION_1_0;
                case CloudEventHeaders.CONTENT_TYPE -> CloudEventHeaders.JSON;
                default -> null;
            };
            if (constant != null) {
                property.put("const", constant);
            }
            if (header.required()) {
                required.add(entry.getKey());
            }
        }
        return headers;
    }

    private static ObjectNode keySchema(JsonNode schema, String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("type", "string");
        if (isUuid(schema, subject)) {
            key.put("format", "uuid");
        }
        key.put("description", "The record key: the payload's " + subject + ", also ce_subject (StringSerializer).");
        return key;
    }

    private static boolean isUuid(JsonNode schema, String property) {
        return "uuid".equals(schema.path("properties").path(property).path("format").asString(null));
    }

    private static String subjectOf(Class<?> event, String description) {
        Matcher matcher = SUBJECT.matcher(description);
        if (!matcher.find()) {
            throw new IllegalStateException("The schema of " + EventTypes.typeName(event) + " does not say \"Record key"
                    + " and ce_subject: <field>.\" in its description");
        }
        return matcher.group(1);
    }

    private List<Class<?>> eventsOf(String topic) {
        return events.stream().filter(event -> EventTypes.topic(event).equals(topic)).toList();
    }

    /** The topics of {@link Topics}, one per publishing context, in name order. */
    static List<String> publishedTopics() {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics.stream().sorted().toList();
    }

    /** The service of a context publishes to its topic; its spring.application.name is also the event source. */
    static String publisher(String topic) {
        return topic.substring(0, topic.length() - ".events".length()) + "-service";
    }

    /** What the catalogue says of each header, in the order the platform writes them. */
    record Header(String description, String format, String pattern, boolean required) {
    }

    static final Map<String, Header> HEADERS = headerDescriptions();

    private static Map<String, Header> headerDescriptions() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.ID, new Header("Unique event id; consumers remember it (processed_event) to"
                + " stay idempotent. A re-publication after a crash sends the same id.", "uuid", null, true));
        headers.put(CloudEventHeaders.SPEC_VERSION, new Header("CloudEvents specification version.", null, null, true));
        headers.put(CloudEventHeaders.TYPE, new Header("<context>.<Fact>.v<version>: the event type, by which"
                + " consumers pick a handler.", null, null, true));
        headers.put(CloudEventHeaders.SOURCE, new Header("The publishing service, a URI reference:"
                + " /<spring.application.name>.", "uri-reference", null, true));
        headers.put(CloudEventHeaders.SUBJECT, new Header("The aggregate's id, the payload's {subject}; also the"
                + " record key, so one aggregate's events stay in order.", null, null, true));
        headers.put(CloudEventHeaders.TIME, new Header("When the fact happened (RFC 3339, UTC).", "date-time", null, true));
        headers.put(CloudEventHeaders.DATA_SCHEMA, new Header("The payload's JSON schema, a resource of"
                + " infra/contracts.", "uri-reference", null, true));
        headers.put(CloudEventHeaders.CONTENT_TYPE, new Header("The payload's media type (CloudEvents datacontenttype in"
                + " binary mode).", null, null, true));
        headers.put(CloudEventHeaders.TRACE_PARENT, new Header("W3C trace context, so a trace follows a request through"
                + " the gateway, a service and Kafka; present when tracing is on (the platform's default).", null,
                "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", false));
        return headers;
    }
}

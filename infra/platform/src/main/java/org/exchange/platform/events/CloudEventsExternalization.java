package org.exchange.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.format.DateTimeFormatter;

import org.exchange.contracts.CloudEventHeaders;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * How {@link IntegrationEvent}s leave the service: to their context's topic, keyed by subject, as CloudEvents in
 * Kafka binary mode (attributes as {@code ce_*} headers, the record value the JSON payload).
 */
final class CloudEventsExternalization {

    private CloudEventsExternalization() {
    }

    static EventExternalizationConfiguration configuration() {
        return EventExternalizationConfiguration.externalizing()
                .selectByType(IntegrationEvent.class)
                .route(IntegrationEvent.class, event -> RoutingTarget.forTarget(event.topic()).andKey(event.subject()))
                .mapping(IntegrationEvent.class, CloudEventsExternalization::toLoggedMessage)
                .build();
    }

    /**
     * The platform quiets the listener adapter's own error log (it would repeat each held-back event), so a mapping
     * that fails says so here, with its stack trace, instead of leaving the publication failed without a word.
     */
    private static Message<Object> toLoggedMessage(IntegrationEvent event) {
        try {
            return toMessage(event);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CloudEventsExternalization.class)
                    .error("Event {} ({}) cannot be turned into a Kafka record; it stays in the outbox", event.id(),
                            event.type(), e);
            throw e;
        }
    }

    /**
     * Header values go as bytes so that Kafka's header mapper passes them through unchanged (no JSON quoting). The
     * stored {@code traceparent} is the parent of the publish span ({@link OutboxSender}); the observed Kafka template
     * replaces it with the publish's own.
     */
    static Message<Object> toMessage(IntegrationEvent event) {
        MessageBuilder<Object> message = MessageBuilder.withPayload(event.data());
        if (event.traceParent() != null) {
            message.setHeader(CloudEventHeaders.TRACE_PARENT, bytes(event.traceParent()));
        }
        return message
                .setHeader(CloudEventHeaders.ID, bytes(event.id().toString()))
                .setHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .setHeader(CloudEventHeaders.TYPE, bytes(event.type()))
                .setHeader(CloudEventHeaders.SOURCE, bytes(event.source()))
                .setHeader(CloudEventHeaders.SUBJECT, bytes(event.subject()))
                .setHeader(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.time())))
                .setHeader(CloudEventHeaders.DATA_SCHEMA, bytes(event.dataSchema()))
                .setHeader(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON))
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}

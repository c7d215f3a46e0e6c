package org.exchange.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.exchange.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives integration events exactly once in effect: the event id is recorded in {@code processed_event} in the
 * same transaction as the handler's changes, so a redelivered event finds its id taken and changes nothing.
 * A handler that throws rolls everything back; the listener container retries and then dead-letters the record.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final Counter processed;
    private final Counter duplicates;

    public Inbox(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.processed = Counter.builder("exchange.inbox.events").tag("outcome", "processed")
                .description("Integration events handled").register(meters);
        this.duplicates = Counter.builder("exchange.inbox.events").tag("outcome", "duplicate")
                .description("Integration events received again and ignored").register(meters);
    }

    /**
     * Hands the record to the handler for its type, once. Records of types no handler names are skipped.
     *
     * @return whether a handler ran
     */
    public boolean accept(ConsumerRecord<String, byte[]> record, EventHandler<?>... handlers) {
        String type = header(record, CloudEventHeaders.TYPE);
        for (EventHandler<?> handler : handlers) {
            if (handler.eventType().equals(type)) {
                return handle(record, handler);
            }
        }
        log.debug("Skipping {} from {}: no handler for it here", type, record.topic());
        return false;
    }

    private <T> boolean handle(ConsumerRecord<String, byte[]> record, EventHandler<T> handler) {
        EventMetadata metadata = metadata(record);
        T payload = payload(record, handler.payloadType());
        Boolean ran = transaction.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into processed_event (event_id, event_type, source, processed_at)
                    values (:id, :type, :source, :at)
                    on conflict (event_id) do nothing""")
                    .param("id", metadata.id())
                    .param("type", metadata.type())
                    .param("source", metadata.source())
                    .param("at", java.sql.Timestamp.from(clock.instant()))
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.action().accept(payload, metadata);
            return true;
        });
        if (Boolean.TRUE.equals(ran)) {
            processed.increment();
            return true;
        }
        duplicates.increment();
        log.info("Ignored {} {}: it was processed before", metadata.type(), metadata.id());
        return false;
    }

    /**
     * Forgets the ids of events handled before {@code before}: a redelivery older than that would be handled again,
     * so the retention must cover the topics' own.
     *
     * @return how many were forgotten
     */
    public int forgetProcessedBefore(Instant before) {
        return jdbc.sql("delete from processed_event where processed_at < :before")
                .param("before", java.sql.Timestamp.from(before))
                .update();
    }

    private <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return payload(json, record.value(), type);
    }

    /**
     * Reads a payload into its contracts record. The mapper is the service's own (Spring Boot's, with the platform's
     * defaults), which ignores properties the record does not have: a newer version of the event reads as this one.
     */
    static <T> T payload(JsonMapper json, byte[] value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of " + type.getSimpleName() + " is not readable", e);
        }
    }

    private static EventMetadata metadata(ConsumerRecord<String, byte[]> record) {
        try {
            String time = header(record, CloudEventHeaders.TIME);
            return new EventMetadata(
                    UUID.fromString(required(record, CloudEventHeaders.ID)),
                    required(record, CloudEventHeaders.TYPE),
                    header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time));
        } catch (RuntimeException e) {
            throw new MalformedEventException("Record is not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " is missing");
        }
        return value;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }
}

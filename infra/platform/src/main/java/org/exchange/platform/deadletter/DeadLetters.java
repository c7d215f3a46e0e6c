package org.exchange.platform.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.exchange.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.GenericMessageListener;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records this service's consumer group parked on dead-letter topics, kept in its database with their failure:
 * listed for ops, replayed to the group's own listener (the one that failed), or discarded. A replayed record goes
 * through the inbox like any other, so replaying it twice, or after it was redelivered, changes nothing more.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    private static final TypeReference<List<Map<String, String>>> HEADER_LIST = new TypeReference<>() {
    };

    /** Where a parked record stands. */
    public enum Status { PARKED, REPLAYED, DISCARDED }

    /**
     * A parked record as ops see it.
     *
     * @param id the dead letter's number in this service
     * @param topic the topic it was read from
     * @param key its record key (the aggregate)
     * @param eventId its CloudEvents id
     * @param eventType its CloudEvents type
     * @param exception the failure's class
     * @param exceptionMessage the failure's message
     * @param parkedAt when it was parked
     * @param status parked, replayed or discarded
     * @param replayAttempts replays tried
     * @param lastReplayError why the last replay failed, if it did
     */
    public record DeadLetter(long id, String topic, String key, String eventId, String eventType, String exception,
            String exceptionMessage, Instant parkedAt, Status status, int replayAttempts, String lastReplayError) {
    }

    /** What a replay did. */
    public record Replay(long id, boolean tookEffect, String detail) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final String consumerGroup;
    private final Function<String, Optional<GenericMessageListener<ConsumerRecord<String, byte[]>>>> listeners;

    /**
     * @param listeners the group's listener for a topic: where a replayed record goes
     */
    public DeadLetters(JdbcClient jdbc, JsonMapper json, Clock clock, String consumerGroup,
            Function<String, Optional<GenericMessageListener<ConsumerRecord<String, byte[]>>>> listeners) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.consumerGroup = consumerGroup;
        this.listeners = listeners;
    }

    /** The consumer group whose dead letters these are. */
    public String consumerGroup() {
        return consumerGroup;
    }

    /**
     * Keeps a record read from a dead-letter topic, if this group parked it (other groups' records on the same topic
     * are theirs). Keeping it twice keeps it once.
     */
    void keep(ConsumerRecord<String, byte[]> parked) {
        if (!consumerGroup.equals(text(parked, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
            return;
        }
        String topic = Optional.ofNullable(text(parked, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .orElse(parked.topic().replaceFirst("\\.dlt$", ""));
        int kept = jdbc.sql("""
                insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, consumer_group, topic, source_partition,
                    source_offset, record_key, record_value, headers, event_id, event_type, exception,
                    exception_message, stack_trace, parked_at, status)
                values (:dltTopic, :dltPartition, :dltOffset, :group, :topic, :partition, :offset, :key, :value,
                    :headers, :eventId, :eventType, :exception, :message, :stackTrace, :parkedAt, 'PARKED')
                on conflict (dlt_topic, dlt_partition, dlt_offset) do nothing""")
                .param("dltTopic", parked.topic())
                .param("dltPartition", parked.partition())
                .param("dltOffset", parked.offset())
                .param("group", consumerGroup)
                .param("topic", topic)
                .param("partition", number(parked, KafkaHeaders.DLT_ORIGINAL_PARTITION))
                .param("offset", number(parked, KafkaHeaders.DLT_ORIGINAL_OFFSET))
                .param("key", parked.key())
                .param("value", parked.value())
                .param("headers", json.writeValueAsString(originalHeaders(parked)))
                .param("eventId", text(parked, CloudEventHeaders.ID))
                .param("eventType", text(parked, CloudEventHeaders.TYPE))
                .param("exception", Optional.ofNullable(text(parked, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                        .orElse(text(parked, KafkaHeaders.DLT_EXCEPTION_FQCN)))
                .param("message", text(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .param("stackTrace", text(parked, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .param("parkedAt", Timestamp.from(clock.instant()))
                .update();
        if (kept > 0) {
            log.warn("Parked on {}: {} {} (key {}) after {}", parked.topic(), text(parked, CloudEventHeaders.TYPE),
                    text(parked, CloudEventHeaders.ID), parked.key(), text(parked, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        }
    }

    /** How many records wait for ops. */
    public long parked() {
        return jdbc.sql("select count(*) from dead_letter where status = 'PARKED'").query(Long.class).single();
    }

    /** The newest dead letters, parked or dealt with, newest first. */
    public List<DeadLetter> list(int limit) {
        return jdbc.sql("""
                select id, topic, record_key, event_id, event_type, exception, exception_message, parked_at, status,
                       replay_attempts, last_replay_error
                from dead_letter order by id desc limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new DeadLetter(rs.getLong("id"), rs.getString("topic"), rs.getString("record_key"),
                        rs.getString("event_id"), rs.getString("event_type"), rs.getString("exception"),
                        rs.getString("exception_message"), rs.getTimestamp("parked_at").toInstant(),
                        Status.valueOf(rs.getString("status")), rs.getInt("replay_attempts"),
                        rs.getString("last_replay_error")))
                .list();
    }

    /** One dead letter with its stack trace, headers and payload, for ops to see why it failed. */
    public Optional<Map<String, Object>> detail(long id) {
        return jdbc.sql("select * from dead_letter where id = :id").param("id", id)
                .query((rs, row) -> {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("id", rs.getLong("id"));
                    detail.put("status", rs.getString("status"));
                    detail.put("consumerGroup", rs.getString("consumer_group"));
                    detail.put("topic", rs.getString("topic"));
                    detail.put("partition", rs.getObject("source_partition"));
                    detail.put("offset", rs.getObject("source_offset"));
                    detail.put("deadLetterTopic", rs.getString("dlt_topic"));
                    detail.put("key", rs.getString("record_key"));
                    detail.put("eventId", rs.getString("event_id"));
                    detail.put("eventType", rs.getString("event_type"));
                    detail.put("exception", rs.getString("exception"));
                    detail.put("exceptionMessage", rs.getString("exception_message"));
                    detail.put("stackTrace", rs.getString("stack_trace"));
                    detail.put("parkedAt", rs.getTimestamp("parked_at").toInstant());
                    detail.put("replayAttempts", rs.getInt("replay_attempts"));
                    detail.put("lastReplayError", rs.getString("last_replay_error"));
                    Timestamp resolved = rs.getTimestamp("resolved_at");
                    detail.put("resolvedAt", resolved == null ? null : resolved.toInstant());
                    byte[] value = rs.getBytes("record_value");
                    detail.put("payload", value == null ? null : new String(value, UTF_8));
                    return detail;
                })
                .optional();
    }

    /**
     * Hands a parked record to this group's listener of its topic, as if it had just arrived. It stays parked, with
     * the error, when the listener fails again.
     *
     * @return empty when there is no such dead letter
     */
    public Optional<Replay> replay(long id) {
        return parkedRecord(id).map(this::replay);
    }

    /** Replays every parked record, oldest first. */
    public List<Replay> replayAll() {
        List<Long> ids = jdbc.sql("select id from dead_letter where status = 'PARKED' order by id")
                .query(Long.class).list();
        List<Replay> replays = new ArrayList<>();
        ids.forEach(id -> replay(id).ifPresent(replays::add));
        return replays;
    }

    /**
     * Gives up on a parked record: it will not be replayed, and no longer counts as parked.
     *
     * @return whether there was such a parked record
     */
    public boolean discard(long id) {
        return resolve(id, Status.DISCARDED) > 0;
    }

    /**
     * Erasure: every dead letter about the person (keyed by their id, or naming it in its payload) loses its payload
     * and failure text, and one still parked is discarded, since it can no longer be replayed. What stays says that a
     * record of that type failed, when, and where; the person appears at most as their id, in the key.
     *
     * @return how many dead letters were emptied
     */
    public int forgetPerson(java.util.UUID person) {
        return jdbc.sql("""
                update dead_letter
                   set record_value = null, exception_message = null, stack_trace = null,
                       last_replay_error = 'Discarded: the person it was about was erased',
                       status = case when status = 'PARKED' then 'DISCARDED' else status end,
                       resolved_at = coalesce(resolved_at, :now)
                 where record_value is not null
                   and (record_key = :person or position(convert_to(:person, 'UTF8') in record_value) > 0)""")
                .param("person", person.toString())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private Replay replay(ParkedRecord parked) {
        if (parked.status() != Status.PARKED) {
            return new Replay(parked.id(), false, "It was " + parked.status().name().toLowerCase() + " before");
        }
        Optional<GenericMessageListener<ConsumerRecord<String, byte[]>>> listener = listeners.apply(
                parked.record().topic());
        if (listener.isEmpty()) {
            return failed(parked.id(), "This service has no listener of " + parked.record().topic() + " any more");
        }
        try {
            listener.get().onMessage(parked.record(), null, null);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof ListenerExecutionFailedException && e.getCause() != null ? e.getCause() : e;
            return failed(parked.id(), cause.toString());
        }
        resolve(parked.id(), Status.REPLAYED);
        log.info("Replayed dead letter {} ({} {}) to {}", parked.id(), parked.record().topic(), parked.record().key(),
                consumerGroup);
        return new Replay(parked.id(), true, "Handed to " + consumerGroup + " again");
    }

    private Replay failed(long id, String error) {
        jdbc.sql("""
                update dead_letter set replay_attempts = replay_attempts + 1, last_replay_error = :error
                where id = :id""")
                .param("id", id).param("error", error).update();
        log.warn("Replay of dead letter {} failed: {}", id, error);
        return new Replay(id, false, error);
    }

    private int resolve(long id, Status status) {
        return jdbc.sql("""
                update dead_letter set status = :status, resolved_at = :at where id = :id and status = 'PARKED'""")
                .param("status", status.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    private Optional<ParkedRecord> parkedRecord(long id) {
        return jdbc.sql("""
                select id, status, topic, source_partition, source_offset, record_key, record_value, headers
                from dead_letter where id = :id""")
                .param("id", id)
                .query((rs, row) -> {
                    RecordHeaders headers = new RecordHeaders();
                    json.readValue(rs.getString("headers"), HEADER_LIST).forEach(header -> headers.add(
                            new RecordHeader(header.get("name"), Base64.getDecoder().decode(header.get("value")))));
                    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(rs.getString("topic"),
                            rs.getInt("source_partition"), rs.getLong("source_offset"), ConsumerRecord.NO_TIMESTAMP,
                            TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE,
                            rs.getString("record_key"), rs.getBytes("record_value"), headers, Optional.empty());
                    return new ParkedRecord(rs.getLong("id"), Status.valueOf(rs.getString("status")), record);
                })
                .optional();
    }

    /** The record as it was before it was parked: without the {@code kafka_dlt-*} headers the recoverer added. */
    private static List<Map<String, String>> originalHeaders(ConsumerRecord<String, byte[]> parked) {
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : parked.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX) && header.value() != null) {
                headers.add(Map.of("name", header.key(), "value", Base64.getEncoder().encodeToString(header.value())));
            }
        }
        return headers;
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** Spring Kafka writes the original partition as 4 bytes and the offset as 8. */
    private static Long number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        return switch (value.length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(value).getInt();
            case Long.BYTES -> ByteBuffer.wrap(value).getLong();
            default -> null;
        };
    }

    private record ParkedRecord(long id, Status status, ConsumerRecord<String, byte[]> record) {
    }
}

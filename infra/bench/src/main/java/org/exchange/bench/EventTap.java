package org.exchange.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The benchmark's own reader of a context's topic, beside the services' consumers (a group of its own, from the
 * topic's end): it sees each event of one type as it becomes readable on the broker, with the time the producer
 * created it, and keeps what ties it to the request that wrote it.
 */
final class EventTap implements AutoCloseable {

    /**
     * One event as the tap saw it.
     *
     * @param createdMicros the record's timestamp (the producer's send, to the millisecond)
     * @param tappedMicros when the tap's poll returned it
     * @param valueBytes the record's value (the JSON payload; its CloudEvents headers come beside it)
     */
    record Tapped(String eventId, UUID meetingId, Instant recordedAt, long createdMicros, long tappedMicros,
            int valueBytes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final String eventType;
    private final Map<String, Tapped> seen = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    EventTap(String bootstrapServers, ServiceKafkaSettings settings, String topic, String eventType) {
        this.eventType = eventType;
        Map<String, Object> config = new HashMap<>(settings.consumer());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = Thread.ofPlatform().name("bench-tap-" + topic).start(this::read);
    }

    private void read() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = Micros.now();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (eventType.equals(header(record, "ce_type"))) {
                        JsonNode payload = JSON.readTree(record.value());
                        String id = header(record, "ce_id");
                        seen.put(id, new Tapped(id, UUID.fromString(payload.get("meetingId").asString()),
                                Instant.parse(payload.get("recordedAt").asString()), record.timestamp() * 1_000L, now,
                                record.value().length));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    /** Every event seen so far, by id. */
    Map<String, Tapped> seen() {
        return seen;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(5));
    }
}

package org.exchange.membership.support;

import static java.nio.charset.StandardCharsets.UTF_8;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.testing.TestEngines;

/** Reads a topic from its beginning and keeps what it saw, so a test can wait for the events it expects. */
public final class EventsOnTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Event> seen = new ArrayList<>();

    public EventsOnTopic(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "membership-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /**
     * An event as it arrived: its key, CloudEvents type, subject and JSON payload, and its CloudEvents id, which a
     * resubmission from the outbox repeats (the topic is at least once; consumers keep each id once).
     */
    public record Event(String key, String type, String subject, String payload, String id) {
    }

    /** Waits until events of a type for a key have arrived, and returns all of them seen so far. */
    public List<Event> await(String type, String key, int atLeast) {
        Predicate<Event> wanted = event -> type.equals(event.type()) && key.equals(event.key());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return seen.stream().filter(wanted).count() >= atLeast;
        });
        return seen.stream().filter(wanted).toList();
    }

    /** Waits for one event of a type for a key, and returns the latest one. */
    public Event awaitOne(String type, String key) {
        return await(type, key, 1).getLast();
    }

    /** Every event seen for a key so far, after draining what is on the topic now. */
    public List<Event> eventsFor(String key) {
        poll();
        return seen.stream().filter(event -> key.equals(event.key())).toList();
    }

    /** Types of every event seen for a key so far, after draining what is on the topic now. */
    public List<String> typesFor(String key) {
        poll();
        return seen.stream().filter(event -> key.equals(event.key())).map(Event::type).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            seen.add(new Event(record.key(), header(record, CloudEventHeaders.TYPE),
                    header(record, CloudEventHeaders.SUBJECT), new String(record.value(), UTF_8),
                    header(record, CloudEventHeaders.ID)));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}

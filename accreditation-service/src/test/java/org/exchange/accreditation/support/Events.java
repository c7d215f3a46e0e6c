package org.exchange.accreditation.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.testing.TestEngines;

/** Other contexts' events sent as they would send them, and this context's events read back from its topic. */
public final class Events {

    private static KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    /** A CloudEvent in Kafka binary mode, as another context publishes it; answers the event's id. */
    public static UUID send(String topic, String type, String key, String json) {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(UTF_8));
        record.headers()
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, ("/" + topic.replace(".events", "") + "-service").getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, key.getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        producer().send(record);
        producer().flush();
        return eventId;
    }

    /** Membership tells of a person (registered) and, when asked, of their appointment as assessor. */
    public static void person(UUID id, String givenName, String familyName, String organisationId, boolean assessor) {
        send(Topics.MEMBERSHIP, "membership.PractitionerRegistered.v1", id.toString(), """
                {"practitionerId":"%s","email":"%s@college.test","givenName":"%s","familyName":"%s",
                 "organisationId":"%s","registeredAt":"%s"}""".formatted(id, givenName.toLowerCase(), givenName,
                familyName, organisationId, Instant.now()));
        if (assessor) {
            send(Topics.MEMBERSHIP, "membership.PractitionerAppointed.v1", id.toString(), """
                    {"appointmentId":"%s","practitionerId":"%s","role":"assessor","appointedBy":"%s",
                     "appointedAt":"%s"}""".formatted(UUID.randomUUID(), id, UUID.randomUUID(), Instant.now()));
        }
    }

    /** Exchange tells that a person attended a meeting in a role (a correction repeats the attendance id). */
    public static UUID attendance(UUID attendanceId, UUID personId, UUID meetingId, String role, int minutes,
            Instant startsAt, boolean correction) {
        return send(Topics.EXCHANGE, "exchange.AttendanceRecorded.v1", meetingId.toString(), """
                {"attendanceId":"%s","meetingId":"%s","groupId":"%s","networkId":"%s","practitionerId":"%s",
                 "organisationId":"org-westmid-college","role":"%s","minutes":%d,"meetingTitle":"Fractions workshop",
                 "meetingKind":"GROUP_MEETING","meetingStartsAt":"%s","recordedAt":"%s","correction":%s}"""
                .formatted(attendanceId, meetingId, UUID.randomUUID(), UUID.randomUUID(), personId, role, minutes,
                        startsAt, Instant.now(), correction));
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** This context's events on accreditation.events, read from the beginning. */
    public static final class Published implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<Event> seen = new ArrayList<>();

        /** An event as it arrived: key, CloudEvents type, payload. */
        public record Event(String key, String type, String payload) {
        }

        public Published() {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "accreditation-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.ACCREDITATION));
        }

        /** Waits for an event of the type about the key; returns the latest. */
        public Event await(String type, String key) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                poll();
                return seen.stream().anyMatch(e -> e.type().equals(type) && key.equals(e.key()));
            });
            return seen.stream().filter(e -> e.type().equals(type) && key.equals(e.key())).toList().getLast();
        }

        /** The types of the events about the key seen so far. */
        public List<String> typesFor(String key) {
            poll();
            return seen.stream().filter(e -> key.equals(e.key())).map(Event::type).toList();
        }

        private void poll() {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                seen.add(new Event(record.key(), type == null ? "" : new String(type.value(), UTF_8),
                        new String(record.value(), UTF_8)));
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}

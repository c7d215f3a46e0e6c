package org.exchange.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.testing.TestEngines;
import org.junit.jupiter.api.Test;

class WelcomeTest extends NotificationIntegrationTest {

    @Test
    void aNewPractitionerGetsOneWelcomeMailAndFeedEntryEvenWhenTheEventComesTwice() throws Exception {
        UUID practitioner = UUID.randomUUID();
        String email = "welcome-" + practitioner + "@college.test";
        ProducerRecord<String, byte[]> registered = practitionerRegistered(UUID.randomUUID(), practitioner, email);

        publish(registered);

        assertThat(awaitOneMail(email, "Welcome to the Exchange").text()).contains("Hello Grace");

        mvc.perform(get("/api/notifications/feed").with(signedIn(practitioner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Welcome to the Exchange"))
                .andExpect(jsonPath("$.items[0].category").value("WELCOME"))
                .andExpect(jsonPath("$.unread").value(1));

        redeliver(registered);

        // The redelivery was seen and ignored in its own transaction: nothing more was queued, so nothing more is sent.
        assertThat(jdbc.sql("select count(*) from outgoing_mail where recipient = :email").param("email", email)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(mails(email, "Welcome to the Exchange")).hasSize(1);
        mvc.perform(get("/api/notifications/feed").with(signedIn(practitioner)))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void aFeedShowsOnlyTheCallersOwnNotifications() throws Exception {
        mvc.perform(get("/api/notifications/feed").with(signedIn(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void aFeedPageLargerThanAHundredIsRefusedAsBadRequest() throws Exception {
        mvc.perform(get("/api/notifications/feed").param("limit", "1000").with(signedIn(UUID.randomUUID())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void anUnreadableEventIsParkedOnTheDeadLetterTopic() throws Exception {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.MEMBERSHIP, "poison",
                "{not json".getBytes(UTF_8));
        cloudEventHeaders(poison, eventId, "poison");
        publish(poison);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + eventId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.MEMBERSHIP)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var id = record.headers().lastHeader(CloudEventHeaders.ID);
                    if (id != null && eventId.toString().equals(new String(id.value(), UTF_8))) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    private static ProducerRecord<String, byte[]> practitionerRegistered(UUID eventId, UUID practitioner, String email) {
        String payload = """
                {"practitionerId":"%s","email":"%s","givenName":"Grace","familyName":"Hopper",
                 "organisationId":"org-westmid-college","registeredAt":"2026-11-23T10:00:00Z"}"""
                .formatted(practitioner, email);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.MEMBERSHIP, practitioner.toString(),
                payload.getBytes(UTF_8));
        cloudEventHeaders(record, eventId, practitioner.toString());
        return record;
    }

    private static void cloudEventHeaders(ProducerRecord<String, byte[]> record, UUID eventId, String subject) {
        record.headers()
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, "membership.PractitionerRegistered.v1".getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/membership-service".getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, subject.getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
    }
}

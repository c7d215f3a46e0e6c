package org.exchange.membership.practitioner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.testing.TestEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;

@MembershipIntegrationTest
class FirstSignInTest {

    @Autowired
    MockMvc mvc;

    KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "first-sign-in-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.MEMBERSHIP));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void firstCallCreatesTheProfileAndPublishesPractitionerRegisteredOnce() throws Exception {
        UUID subject = UUID.randomUUID();

        for (int call = 0; call < 2; call++) {
            mvc.perform(get("/api/membership/me").with(practitioner(subject)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.id").value(subject.toString()))
                    .andExpect(jsonPath("$.email").value("ada@college.test"))
                    .andExpect(jsonPath("$.organisationId").value("org-westmid-college"));
        }

        List<ConsumerRecord<String, byte[]>> registrations = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (subject.toString().equals(record.key())) {
                    registrations.add(record);
                }
            });
            assertThat(registrations).isNotEmpty();
        });
        // Anything else for this subject would have arrived with it: the outbox sends in commit order.
        consumer.poll(Duration.ofMillis(500)).forEach(record -> {
            if (subject.toString().equals(record.key())) {
                registrations.add(record);
            }
        });

        assertThat(registrations).hasSize(1);
        ConsumerRecord<String, byte[]> record = registrations.getFirst();
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("membership.PractitionerRegistered.v1");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/membership-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(subject.toString());
        assertThat(UUID.fromString(header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
        assertThat(header(record, "traceparent")).as("W3C trace context travels with the event").isNotBlank();
        assertThat(new String(record.value(), UTF_8))
                .contains("\"practitionerId\":\"" + subject + "\"")
                .contains("\"email\":\"ada@college.test\"");
    }

    @Test
    void withoutATokenTheAnswerIsAProblemDetail() throws Exception {
        mvc.perform(get("/api/membership/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    private static JwtRequestPostProcessor practitioner(UUID subject) {
        return jwt().jwt(token -> token.subject(subject.toString())
                .claim("email", "ada@college.test")
                .claim("given_name", "Ada")
                .claim("family_name", "Lovelace")
                .claim("organisation", "org-westmid-college")
                .claim("realm_access", Map.of("roles", List.of("practitioner"))));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}

package org.exchange.assessment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.testing.TestEngines;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The steps the API tests share: people with their tokens, assessments through the API, other contexts' events. */
public final class AssessmentApi {

    public static final String ORGANISATION = "org-westmid-college";

    private final MockMvc mvc;

    public AssessmentApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static JwtRequestPostProcessor practitioner(UUID subject) {
        return person(subject, ORGANISATION, "practitioner");
    }

    public static JwtRequestPostProcessor facilitator(UUID subject) {
        return person(subject, ORGANISATION, "practitioner", "facilitator");
    }

    public static JwtRequestPostProcessor programmeAdmin() {
        return person(UUID.randomUUID(), "org-academy", "practitioner", "programme-admin");
    }

    public static JwtRequestPostProcessor orgAdmin(String organisation) {
        return person(UUID.randomUUID(), organisation, "practitioner", "org-admin");
    }

    public static JwtRequestPostProcessor person(UUID subject, String organisation, String... roles) {
        return jwt().jwt(token -> {
            token.subject(subject.toString()).claim("realm_access", Map.of("roles", List.of(roles)));
            if (organisation != null) {
                token.claim("organisation", organisation);
            }
        });
    }

    /** The JSON of ratings for standards 1 to 20 of an edition, each scored by the function of its number. */
    public static String ratings(String editionId, IntUnaryOperator score) {
        return IntStream.rangeClosed(1, 20)
                .mapToObj(n -> "{\"standardId\":\"%s-%02d\",\"score\":%d}".formatted(editionId, n, score.applyAsInt(n)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Saves a draft. */
    public ResultActions saveDraft(UUID person, String json) throws Exception {
        return mvc.perform(put("/api/assessment/me/draft").with(practitioner(person))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    public ResultActions submit(UUID person) throws Exception {
        return mvc.perform(post("/api/assessment/me/draft/submit").with(practitioner(person)));
    }

    /** A complete assessment of the given kind against the edition, focused on standards 1 and 3, submitted. */
    public ResultActions complete(UUID person, String kind, String editionId, IntUnaryOperator score)
            throws Exception {
        saveDraft(person, """
                {"kind":"%s","editionId":"%s","careerStage":"EXPERIENCED","ratings":%s,
                 "focusStandards":["%s-01","%s-03"],"developmentGoals":"Questioning that makes learners think"}"""
                .formatted(kind, editionId, ratings(editionId, score), editionId, editionId))
                .andExpect(status().isOk());
        return submit(person);
    }

    /** A submitted baseline against the 2022 edition. */
    public void baseline(UUID person, IntUnaryOperator score) throws Exception {
        complete(person, "BASELINE", "etf-2022", score).andExpect(status().isOk());
    }

    /** A submitted review against the 2022 edition. */
    public void review(UUID person, IntUnaryOperator score) throws Exception {
        complete(person, "REVIEW", "etf-2022", score).andExpect(status().isOk());
    }

    /** Publishes an event of another context as its service would; answers the event's id. */
    public static UUID send(String topic, String type, UUID key, String json) throws Exception {
        UUID eventId = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), json.getBytes(UTF_8));
            record.headers()
                    .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                    .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                    .add(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                    .add(CloudEventHeaders.SOURCE, "/test".getBytes(UTF_8))
                    .add(CloudEventHeaders.SUBJECT, key.toString().getBytes(UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
            producer.send(record).get();
        }
        return eventId;
    }

    /** Exchange says a group was proposed with the facilitator. */
    public static UUID groupProposed(UUID group, UUID network, UUID facilitator) throws Exception {
        return send("exchange.events", "exchange.GroupProposed.v1", group, """
                {"groupId":"%s","networkId":"%s","name":"Maths: fractions that stick","kind":"SUBJECT",
                 "area":"maths","challenge":"Fractions","capacity":12,"plannedStart":"2026-12-01",
                 "plannedEnd":"2027-05-01","facilitatorIds":["%s"],"proposedBy":"%s",
                 "proposedAt":"2026-11-30T10:00:00Z"}""".formatted(group, network, facilitator, facilitator));
    }

    /** Exchange says the person joined the group. */
    public static UUID memberJoined(UUID group, UUID network, UUID person) throws Exception {
        return send("exchange.events", "exchange.MemberJoinedGroup.v1", group, """
                {"groupId":"%s","networkId":"%s","groupName":"Maths: fractions that stick","practitionerId":"%s",
                 "fromWaitlist":false,"joinedAt":"2026-11-30T10:00:00Z"}""".formatted(group, network, person));
    }

    /** A reader of assessment.events from the beginning. */
    public static KafkaConsumer<String, byte[]> eventsReader() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "assessment-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("assessment.events"));
        return consumer;
    }

    /** The CloudEvents types and payloads of the records with the given key read so far, polling once. */
    public static void collect(KafkaConsumer<String, byte[]> consumer, UUID key, List<String> into) {
        consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, byte[]> record) -> {
            if (key.toString().equals(record.key())) {
                into.add(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), UTF_8) + " "
                        + new String(record.value(), UTF_8));
            }
        });
    }

    /** A list to collect into. */
    public static List<String> collected() {
        return new ArrayList<>();
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(UTF_8);
    }
}

package org.exchange.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.testing.TestEngines;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The steps the API tests share: people with their tokens, and a network, group and meetings made through the API. */
public final class ExchangeApi {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MockMvc mvc;
    private final TestClock clock;

    public ExchangeApi(MockMvc mvc, TestClock clock) {
        this.mvc = mvc;
        this.clock = clock;
    }

    public static JwtRequestPostProcessor programmeAdmin() {
        return person(UUID.randomUUID(), null, "programme-admin");
    }

    public static JwtRequestPostProcessor facilitator(UUID subject) {
        return person(subject, "org-westmid-college", "practitioner", "facilitator");
    }

    public static JwtRequestPostProcessor practitioner(UUID subject) {
        return person(subject, "org-westmid-college", "practitioner");
    }

    public static JwtRequestPostProcessor orgAdmin(String organisation) {
        return person(UUID.randomUUID(), organisation, "org-admin");
    }

    public static JwtRequestPostProcessor person(UUID subject, String organisation, String... roles) {
        return jwt().jwt(token -> {
            token.subject(subject.toString()).claim("realm_access", Map.of("roles", List.of(roles)));
            if (organisation != null) {
                token.claim("organisation", organisation);
            }
        });
    }

    /** A new network with a unique name, at the given point. */
    public UUID network(String name, String region, double latitude, double longitude) throws Exception {
        return id(mvc.perform(post("/api/exchange/networks").with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name":"%s","region":"%s","placeName":"%s","latitude":%s,"longitude":%s,
                         "leadOrganisationId":"org-westmid-college","contactName":"Programme office",
                         "contactEmail":"exchange@westmid.test"}"""
                        .formatted(name, region, name.split(" ")[0], latitude, longitude)))
                .andExpect(status().isCreated()));
    }

    /** A network in the West Midlands, named uniquely. */
    public UUID westMidlands() throws Exception {
        return network("West Midlands " + UUID.randomUUID(), "West Midlands", 52.4862, -1.8904);
    }

    /** The first day of a group's span in tests: tomorrow, by the service's clock. */
    public LocalDate tomorrow() {
        return LocalDate.ofInstant(clock.instant(), LONDON).plusDays(1);
    }

    /** A group proposed by the facilitator, accepted by a programme admin: forming, spanning six months. */
    public UUID formingGroup(UUID networkId, UUID facilitatorId, int capacity) throws Exception {
        UUID group = id(mvc.perform(post("/api/exchange/groups").with(facilitator(facilitatorId))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"networkId":"%s","name":"Maths: making fractions stick","kind":"SUBJECT","area":"maths",
                         "challenge":"Learners forget fractions between sessions","capacity":%d,
                         "plannedStart":"%s","plannedEnd":"%s"}"""
                        .formatted(networkId, capacity, tomorrow(), tomorrow().plusMonths(6))))
                .andExpect(status().isCreated()));
        mvc.perform(post("/api/exchange/groups/" + group + "/open").with(programmeAdmin()))
                .andExpect(status().isOk());
        return group;
    }

    /** A forming group with four meetings planned (in 7, 14, 21 and 28 days), made active by its facilitator. */
    public UUID activeGroup(UUID networkId, UUID facilitatorId, int capacity) throws Exception {
        UUID group = formingGroup(networkId, facilitatorId, capacity);
        for (int week = 1; week <= 4; week++) {
            groupMeeting(group, facilitatorId, 7 * week);
        }
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(facilitator(facilitatorId)))
                .andExpect(status().isOk());
        return group;
    }

    /**
     * An active group led by the facilitator closes: it starts reporting, its four meetings take place (the clock moves
     * on 30 days), its outcome is published, and it closes.
     */
    public void closeGroup(UUID groupId, UUID facilitatorId) throws Exception {
        mvc.perform(post("/api/exchange/groups/" + groupId + "/reporting").with(facilitator(facilitatorId)))
                .andExpect(status().isOk());
        letTimePass(Duration.ofDays(30));
        mvc.perform(post("/api/exchange/outcomes").with(facilitator(facilitatorId))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"CASE_STUDY","title":"Fractions that stick",
                         "summary":"Retrieval practice.","authorNames":["A. Facilitator"],
                         "subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/fractions.pdf"}"""
                        .formatted(groupId)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/groups/" + groupId + "/close").with(facilitator(facilitatorId)))
                .andExpect(status().isOk());
    }

    /** The person joins the group. */
    public ResultActions join(UUID groupId, UUID personId) throws Exception {
        return mvc.perform(post("/api/exchange/groups/" + groupId + "/members").with(practitioner(personId)));
    }

    /** Schedules a group meeting the given number of days from now, 16:00 to 18:00 London time. */
    public ResultActions scheduleGroupMeeting(UUID groupId, JwtRequestPostProcessor who, int inDays, int capacity)
            throws Exception {
        LocalDateTime start = tomorrow().plusDays(inDays - 1).atTime(16, 0);
        return mvc.perform(post("/api/exchange/meetings").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"GROUP_MEETING","title":"Fractions meeting in %d days",
                         "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                                 "onlineUrl":"https://meet.test/fractions"},
                         "capacity":%d}""".formatted(groupId, inDays, start, start.plusHours(2), capacity)));
    }

    public UUID groupMeeting(UUID groupId, UUID facilitatorId, int inDays) throws Exception {
        return id(scheduleGroupMeeting(groupId, facilitator(facilitatorId), inDays, 20).andExpect(status().isCreated()));
    }

    /** Schedules a network launch event in a week, online. */
    public UUID launchEvent(UUID networkId, int capacity) throws Exception {
        LocalDateTime start = tomorrow().plusDays(6).atTime(10, 0);
        return id(mvc.perform(post("/api/exchange/meetings").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"networkId":"%s","kind":"LAUNCH_EVENT","title":"Launch of the Professional Exchange",
                         "when":{"startsAt":"%s","endsAt":"%s","timeZone":"Europe/London",
                                 "onlineUrl":"https://meet.test/launch"},
                         "capacity":%d}""".formatted(networkId, start, start.plusHours(3), capacity)))
                .andExpect(status().isCreated()));
    }

    /** Moves the service's clock on, so meetings scheduled before now have taken place. */
    public void letTimePass(Duration duration) {
        clock.advance(duration);
    }

    public static UUID id(ResultActions result) throws Exception {
        return UUID.fromString(JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id"));
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(UTF_8);
    }

    /** A writer of other contexts' events, as their services publish them ({@link #cloudEvent}). */
    public static KafkaProducer<String, byte[]> eventsWriter() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A reader of exchange.events from the beginning. */
    public static KafkaConsumer<String, byte[]> eventsReader(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "exchange-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls once and keeps the records with the given key. */
    public static void collect(KafkaConsumer<String, byte[]> consumer, String key,
            List<ConsumerRecord<String, byte[]>> into) {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> {
            if (key.equals(record.key())) {
                into.add(record);
            }
        });
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** The CloudEvents types of the records, in order. */
    public static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        List<String> types = new ArrayList<>();
        records.forEach(record -> types.add(header(record, CloudEventHeaders.TYPE)));
        return types;
    }

    /** A CloudEvents record in Kafka binary mode, as membership-service would publish it. */
    public static ProducerRecord<String, byte[]> cloudEvent(String topic, String type, String key, UUID eventId,
            String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(UTF_8));
        record.headers()
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/membership-service".getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, key.getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, java.time.Instant.now().toString().getBytes(UTF_8));
        return record;
    }
}

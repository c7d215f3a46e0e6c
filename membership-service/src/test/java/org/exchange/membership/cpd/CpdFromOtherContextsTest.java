package org.exchange.membership.cpd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.exchange.membership.support.Tokens;
import org.exchange.testing.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MembershipIntegrationTest
class CpdFromOtherContextsTest {

    static KafkaProducer<String, byte[]> producer;

    @Autowired
    MockMvc mvc;

    @Autowired
    CpdService cpd;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clock.setDay(LocalDate.of(2027, 6, 30));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAttendedMeetingEntersTheCpdRecordOnceEvenWhenRedeliveredAndFollowsItsCorrections() throws Exception {
        UUID practitioner = UUID.randomUUID();
        UUID attendance = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        send(Topics.EXCHANGE, eventId, "exchange.AttendanceRecorded.v1", attendance(attendance, practitioner, 90, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> hours(practitioner).equals("1.50"));

        double duplicatesBefore = duplicates();
        send(Topics.EXCHANGE, eventId, "exchange.AttendanceRecorded.v1", attendance(attendance, practitioner, 90, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(cpd.yearSummary(practitioner, 2027).activities()).hasSize(1);

        api.get("/api/membership/me/cpd?year=2027", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.activities[0].type").value("DEVELOPMENT_DAY"))
                .andExpect(jsonPath("$.activities[0].title").value("Quarterly development day: questioning"))
                .andExpect(jsonPath("$.activities[0].occurredOn").value("2027-05-20"))
                .andExpect(jsonPath("$.activities[0].source").value("ATTENDANCE"));
        UUID activity = cpd.yearSummary(practitioner, 2027).activities().getFirst().id();
        api.perform(put("/api/membership/me/cpd/" + activity + "/reflection").with(Tokens.practitioner(practitioner))
                .header("If-Match", "\"1\"").contentType("application/json").content("{\"reflection\":\"Open questions work\"}"))
                .andExpect(status().isOk());

        send(Topics.EXCHANGE, UUID.randomUUID(), "exchange.AttendanceRecorded.v1",
                attendance(attendance, practitioner, 240, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> hours(practitioner).equals("4.00"));
        CpdSummary corrected = cpd.yearSummary(practitioner, 2027);
        assertThat(corrected.activities()).hasSize(1);
        assertThat(corrected.activities().getFirst().reflection()).isEqualTo("Open questions work");

        send(Topics.EXCHANGE, UUID.randomUUID(), "exchange.AttendanceRecorded.v1",
                attendance(attendance, practitioner, 0, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> cpd.yearSummary(practitioner, 2027).activities().isEmpty());
    }

    @Test
    void anIlmAwardMakesItsHolderEligibleAndIsACpdMilestone() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(practitioner)).andExpect(status().isOk());
        UUID eventId = UUID.randomUUID();
        String award = """
                {"enrolmentId":"%s","practitionerId":"%s","programmeCode":"ILM-ENDORSED-PLLE",
                 "programmeTitle":"ILM Endorsed Award in Practitioner-Led Learning Exchange","awardedOn":"2027-06-01"}"""
                .formatted(UUID.randomUUID(), practitioner);

        send(Topics.ACCREDITATION, eventId, "accreditation.AwardCompleted.v1", award);
        send(Topics.ACCREDITATION, eventId, "accreditation.AwardCompleted.v1", award);
        await().atMost(Duration.ofSeconds(30)).until(() -> !cpd.yearSummary(practitioner, 2027).activities().isEmpty());

        api.post("/api/membership/me/membership/application", Tokens.practitioner(practitioner), "{}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.basis").value("ILM_AWARD"))
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.history[1].actor").value("system"))
                .andExpect(jsonPath("$.invoice.amount").value(195.00));
        assertThat(cpd.yearSummary(practitioner, 2027).activities())
                .singleElement().satisfies(a -> assertThat(a.type()).isEqualTo(CpdType.AWARD));
    }

    @Test
    void theYearlySummaryDownloadsAsJsonAndAsRfc4180Csv() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.post("/api/membership/me/cpd", Tokens.practitioner(practitioner), """
                {"type":"READING","title":"Revans, \\"ABC of Action Learning\\", ch. 1-3","occurredOn":"2027-02-01",
                 "hours":2.5,"reflection":"Line one\\nline two"}""").andExpect(status().isCreated());
        api.logCpd(practitioner, LocalDate.of(2027, 3, 1), "1.25", null).andExpect(status().isCreated());

        api.get("/api/membership/me/cpd/summary?year=2027", Tokens.practitioner(practitioner))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"cpd-2027.json\""))
                .andExpect(jsonPath("$.totalHours").value(3.75))
                .andExpect(jsonPath("$.reflections").value(1))
                .andExpect(jsonPath("$.hoursByType.READING").value(2.5));
        api.get("/api/membership/me/cpd/summary.csv?year=2027", Tokens.practitioner(practitioner))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"cpd-2027.csv\""))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith(
                        "date,type,title,hours,reflection,evidence,source\r\n"
                                + "2027-02-01,READING,\"Revans, \"\"ABC of Action Learning\"\", ch. 1-3\",2.50,"
                                + "\"Line one\nline two\",,SELF\r\n")))
                .andExpect(content().string(org.hamcrest.Matchers.endsWith(",TOTAL,,3.75,,,\r\n")));
    }

    @Test
    void aCpdActivityInTheFutureOrWithNegativeHoursIsABadRequest() throws Exception {
        UUID practitioner = UUID.randomUUID();
        api.logCpd(practitioner, LocalDate.of(2027, 7, 1), "1", null).andExpect(status().isBadRequest());
        api.logCpd(practitioner, LocalDate.of(2027, 6, 1), "-1", null).andExpect(status().isBadRequest());
        api.get("/api/membership/me/cpd?year=abc", Tokens.practitioner(practitioner)).andExpect(status().isBadRequest());
    }

    @Test
    void anEvidenceLinkThatIsNotHttpsIsABadRequestNamingTheField() throws Exception {
        UUID practitioner = UUID.randomUUID();
        String activity = """
                {"type":"COURSE","title":"Questioning course","occurredOn":"2027-02-01","hours":3,
                 "evidenceLink":"%s"}""";
        api.post("/api/membership/me/cpd", Tokens.practitioner(practitioner),
                        activity.formatted("http://example.org/certificate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("evidenceLink"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("https")));
        api.post("/api/membership/me/cpd", Tokens.practitioner(practitioner),
                activity.formatted("https://example.org/certificate")).andExpect(status().isCreated());
        UUID logged = cpd.yearSummary(practitioner, 2027).activities().getFirst().id();
        api.perform(put("/api/membership/me/cpd/" + logged + "/reflection").with(Tokens.practitioner(practitioner))
                        .header("If-Match", "\"1\"").contentType("application/json")
                        .content("{\"reflection\":\"Wait time\",\"evidenceLink\":\"http://example.org/notes\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("evidenceLink"));
    }

    private String hours(UUID practitioner) {
        return cpd.yearSummary(practitioner, 2027).totalHours().toPlainString();
    }

    private double duplicates() {
        var counter = meters.find("exchange.inbox.events").tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String attendance(UUID attendance, UUID practitioner, int minutes, boolean correction) {
        return """
                {"attendanceId":"%s","meetingId":"%s","groupId":null,"networkId":"%s","practitionerId":"%s",
                 "organisationId":"org-westmid-college","role":"ATTENDEE","minutes":%d,
                 "meetingTitle":"Quarterly development day: questioning","meetingKind":"DEVELOPMENT_DAY",
                 "meetingStartsAt":"2027-05-20T08:30:00Z","recordedAt":"2027-05-20T16:00:00Z","correction":%s}"""
                .formatted(attendance, UUID.nameUUIDFromBytes(attendance.toString().getBytes(UTF_8)),
                        UUID.randomUUID(), practitioner, minutes, correction);
    }

    private static void send(String topic, UUID eventId, String type, String payload) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, eventId.toString(), payload.getBytes(UTF_8));
        record.headers()
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/test".getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        producer.send(record).get();
    }
}

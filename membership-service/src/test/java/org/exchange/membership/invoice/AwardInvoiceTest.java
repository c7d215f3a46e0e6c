package org.exchange.membership.invoice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.exchange.testing.TestEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An enrolment accreditation accepts is invoiced here, in the one gap-free numbering (docs/adr/0006). */
@MembershipIntegrationTest
class AwardInvoiceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anAcceptedEnrolmentIsInvoicedOnceForTheProgrammesFeeAndItsPaymentIsRecorded() throws Exception {
        Api api = new Api(mvc);
        UUID candidate = UUID.randomUUID();
        UUID enrolment = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(candidate)).andExpect(status().isOk());
        String accepted = """
                {"enrolmentId":"%s","practitionerId":"%s","programmeCode":"ILM-DEVELOPMENT-PLLE",
                 "programmeTitle":"ILM Development Award in Practitioner-Led Learning Exchange","requirementVersion":1,
                 "feeAmount":995.00,"currency":"GBP","enrolledOn":"%s","acceptedBy":"%s","acceptedAt":"%s"}"""
                .formatted(enrolment, candidate, LocalDate.now(), UUID.randomUUID(), Instant.now());

        try (EventsOnTopic published = new EventsOnTopic(Topics.MEMBERSHIP);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                        Map.of("bootstrap.servers", TestEngines.shared().kafkaBootstrapServers()),
                        new StringSerializer(), new ByteArraySerializer())) {
            send(producer, enrolment, accepted);
            send(producer, enrolment, accepted);

            await().atMost(Duration.ofSeconds(30)).until(() -> !invoices(api, candidate).isEmpty());
            String issued = published.awaitOne("membership.InvoiceIssued.v1",
                    JsonPath.<String>read(invoices(api, candidate).getFirst(), "$.id")).payload();
            assertThat(JsonPath.<String>read(issued, "$.purpose")).isEqualTo("AWARD");
            assertThat(JsonPath.<String>read(issued, "$.enrolmentId")).isEqualTo(enrolment.toString());
            assertThat(JsonPath.<Map<String, Object>>read(issued, "$")).doesNotContainKey("membershipId");
        }
        List<String> invoices = invoices(api, candidate);
        assertThat(invoices).hasSize(1);
        String invoice = invoices.getFirst();
        assertThat(JsonPath.<Double>read(invoice, "$.amount")).isEqualTo(995.0);
        assertThat(JsonPath.<String>read(invoice, "$.number")).matches("EXM-\\d{4}-\\d{4}");

        api.post("/api/membership/admin/award-invoices/" + JsonPath.read(invoice, "$.id") + "/payment",
                Tokens.programmeAdmin(), """
                        {"method":"BANK_TRANSFER","reference":"ILM fee","paidOn":"%s"}""".formatted(LocalDate.now()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PAID"));
        api.post("/api/membership/admin/award-invoices/" + JsonPath.read(invoice, "$.id") + "/payment",
                Tokens.practitioner(candidate), """
                        {"method":"BANK_TRANSFER","paidOn":"%s"}""".formatted(LocalDate.now()))
                .andExpect(status().isForbidden());
    }

    private static List<String> invoices(Api api, UUID candidate) throws Exception {
        String body = api.get("/api/membership/me/invoices", Tokens.practitioner(candidate)).andReturn().getResponse()
                .getContentAsString();
        List<Map<String, Object>> list = JsonPath.read(body, "$");
        return list.stream().map(i -> net.minidev.json.JSONValue.toJSONString(i)).toList();
    }

    private static void send(KafkaProducer<String, byte[]> producer, UUID enrolment, String json) throws Exception {
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ACCREDITATION, enrolment.toString(),
                json.getBytes(UTF_8));
        record.headers()
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, "accreditation.EnrolmentAccepted.v1".getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/accreditation-service".getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, enrolment.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        producer.send(record).get();
    }
}

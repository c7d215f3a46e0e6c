package org.exchange.exchange.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class EnquiryTest extends ExchangeIntegrationTest {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    JdbcClient jdbc;

    UUID network;
    String networkName;

    @BeforeEach
    void aNetworkOfItsOwn() throws Exception {
        networkName = "West Midlands " + UUID.randomUUID();
        network = api.network(networkName, "West Midlands", 52.4862, -1.8904);
    }

    @Test
    void anEnquiryToANetworkIsAnsweredByAProgrammeAdminAndTheAnswerReachesThePerson() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID enquiry = ExchangeApi.id(send(ada, network, "Joining a maths group", "Is there a maths group I can join?")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.to").value(networkName)));

        // it waits in the programme admins' shared inbox, found by network and by status
        mvc.perform(get("/api/exchange/enquiries").param("networkId", network.toString()).param("status", "NEW")
                        .with(programmeAdmin())).andExpect(status().isOk())
                .andExpect(jsonPath("$.enquiries.length()").value(1))
                .andExpect(jsonPath("$.enquiries[0].id").value(enquiry.toString()))
                .andExpect(jsonPath("$.enquiries[0].subject").value("Joining a maths group"))
                .andExpect(jsonPath("$.enquiries[0].to").value(networkName))
                .andExpect(jsonPath("$.counts.NEW").isNumber());

        reply(enquiry, programmeAdmin(), "Yes: the Fractions group starts in January.")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andExpect(jsonPath("$.replies[0].text").value("Yes: the Fractions group starts in January."));

        // the person reads the answer among their enquiries
        mvc.perform(get("/api/exchange/me/enquiries").with(practitioner(ada))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].status").value("ANSWERED"))
                .andExpect(jsonPath("$[0].to").value(networkName))
                .andExpect(jsonPath("$[0].message").value("Is there a maths group I can join?"))
                .andExpect(jsonPath("$[0].replies[0].text").value("Yes: the Fractions group starts in January."));
        mvc.perform(get("/api/exchange/enquiries").param("networkId", network.toString()).param("status", "NEW")
                .with(programmeAdmin())).andExpect(jsonPath("$.enquiries.length()").value(0));

        // one EnquiryAnswered per reply, written with it, for notification-service to mail
        List<String> answered = outbox(enquiry);
        assertThat(answered).hasSize(1);
        assertThat(JsonPath.<String>read(answered.getFirst(), "$.practitionerId")).isEqualTo(ada.toString());
        assertThat(JsonPath.<String>read(answered.getFirst(), "$.networkName")).isEqualTo(networkName);
        assertThat(JsonPath.<String>read(answered.getFirst(), "$.subject")).isEqualTo("Joining a maths group");
        assertThat(JsonPath.<String>read(answered.getFirst(), "$.reply"))
                .isEqualTo("Yes: the Fractions group starts in January.");

        // closed, it stays readable and takes no more replies
        mvc.perform(post("/api/exchange/enquiries/" + enquiry + "/closing").with(programmeAdmin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        reply(enquiry, programmeAdmin(), "One more thing").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/exchange/enquiries/" + enquiry + "/closing").with(programmeAdmin()))
                .andExpect(status().isConflict());
        assertThat(outbox(enquiry)).hasSize(1);
        mvc.perform(get("/api/exchange/enquiries/" + enquiry).with(practitioner(ada)))
                .andExpect(jsonPath("$.status").value("CLOSED")).andExpect(jsonPath("$.replies.length()").value(1));
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :id")
                .param("id", enquiry.toString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void anEnquiryWithoutANetworkGoesToTheLearningExchange() throws Exception {
        UUID grace = UUID.randomUUID();
        UUID enquiry = ExchangeApi.id(send(grace, null, "Membership fee", "What does membership cost?")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.to").value("the Learning Exchange"))
                .andExpect(jsonPath("$.networkId").doesNotExist()));
        String inbox = ExchangeApi.body(mvc.perform(get("/api/exchange/enquiries").param("learningExchange", "true")
                .with(programmeAdmin())).andExpect(status().isOk()));
        assertThat(JsonPath.<List<String>>read(inbox, "$.enquiries[*].id")).contains(enquiry.toString());
        assertThat(JsonPath.<List<Object>>read(inbox, "$.enquiries[*].networkId")).allMatch(id -> id == null);

        reply(enquiry, programmeAdmin(), "GBP 195 a year.").andExpect(status().isCreated());
        assertThat(JsonPath.<java.util.Map<String, Object>>read(outbox(enquiry).getFirst(), "$"))
                .doesNotContainKeys("networkId", "networkName").containsKey("practitionerId");
    }

    @Test
    void otherPeopleCannotReadSomeonesEnquiryAndOnlyProgrammeAdminsSeeTheInboxOrAnswer() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID enquiry = ExchangeApi.id(send(ada, network, "A private question", "About my timetable")
                .andExpect(status().isCreated()));
        UUID someoneElse = UUID.randomUUID();

        for (RequestPostProcessor other : List.of(practitioner(someoneElse), facilitator(someoneElse),
                orgAdmin("org-westmid-college"))) {
            mvc.perform(get("/api/exchange/enquiries/" + enquiry).with(other)).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            mvc.perform(get("/api/exchange/enquiries").with(other)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
            reply(enquiry, other, "I know the answer").andExpect(status().isForbidden());
            mvc.perform(post("/api/exchange/enquiries/" + enquiry + "/closing").with(other))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/exchange/me/enquiries").with(practitioner(someoneElse)))
                .andExpect(jsonPath("$.length()").value(0));
        // the person who sent it reads it, and may not answer it themselves
        mvc.perform(get("/api/exchange/enquiries/" + enquiry).with(practitioner(ada))).andExpect(status().isOk());
        reply(enquiry, practitioner(ada), "Never mind").andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/enquiries")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/exchange/enquiries").contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"Hello\",\"message\":\"Anyone?\"}")).andExpect(status().isUnauthorized());

        assertThat(outbox(enquiry)).isEmpty();
        mvc.perform(get("/api/exchange/enquiries/" + enquiry).with(programmeAdmin()))
                .andExpect(jsonPath("$.status").value("NEW")).andExpect(jsonPath("$.replies.length()").value(0));
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() throws Exception {
        UUID ada = UUID.randomUUID();
        send(ada, network, " ", "A message").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        send(ada, network, "Subject", "x".repeat(EnquiryController.MAX_TEXT + 1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
        send(ada, network, "s".repeat(EnquiryController.MAX_SUBJECT + 1), "A message")
                .andExpect(status().isBadRequest());
        send(ada, network, "Subject\\u0000", "A NUL is no text").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        send(ada, network, "Subject", "Two lines\\nand a\\ttab are text").andExpect(status().isCreated());
        send(ada, UUID.randomUUID(), "Subject", "To a network that does not exist").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("networkId"));
        mvc.perform(post("/api/exchange/enquiries").with(practitioner(ada)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"networkId\":\"not-a-uuid\",\"subject\":\"S\",\"message\":\"M\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/exchange/me/enquiries").with(practitioner(ada))).andExpect(jsonPath("$.length()").value(1));

        UUID enquiry = ExchangeApi.id(send(ada, network, "Subject", "A message").andExpect(status().isCreated()));
        reply(enquiry, programmeAdmin(), "").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        reply(enquiry, programmeAdmin(), "\\u0007").andExpect(status().isBadRequest());
        reply(UUID.randomUUID(), programmeAdmin(), "To nobody").andExpect(status().isNotFound());
        mvc.perform(get("/api/exchange/enquiries").param("status", "LOST").with(programmeAdmin()))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(get("/api/exchange/enquiries").param("networkId", network.toString())
                .param("learningExchange", "true").with(programmeAdmin())).andExpect(status().isBadRequest());
        mvc.perform(get("/api/exchange/enquiries/not-a-uuid").with(programmeAdmin())).andExpect(status().isBadRequest());
        assertThat(outbox(enquiry)).isEmpty();
    }

    @Test
    void aFloodOfEnquiriesFromOnePersonIsRefusedUntilAnHourHasPassed() throws Exception {
        UUID flood = UUID.randomUUID();
        for (int sent = 1; sent <= 5; sent++) {
            send(flood, network, "Question " + sent, "Hello").andExpect(status().isCreated());
        }
        send(flood, network, "Question 6", "Hello").andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(429));
        // someone else is not held up by it
        send(UUID.randomUUID(), network, "Question", "Hello").andExpect(status().isCreated());
        mvc.perform(get("/api/exchange/me/enquiries").with(practitioner(flood))).andExpect(jsonPath("$.length()").value(5));

        api.letTimePass(Duration.ofMinutes(61));
        send(flood, network, "Question 6", "Hello").andExpect(status().isCreated());
    }

    private ResultActions send(UUID person, UUID networkId, String subject, String message) throws Exception {
        String to = networkId == null ? "" : "\"networkId\":\"%s\",".formatted(networkId);
        return mvc.perform(post("/api/exchange/enquiries").with(practitioner(person))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{%s\"subject\":\"%s\",\"message\":\"%s\"}".formatted(to, subject, message)));
    }

    private ResultActions reply(UUID enquiry, RequestPostProcessor who, String text) throws Exception {
        return mvc.perform(post("/api/exchange/enquiries/" + enquiry + "/replies").with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"%s\"}".formatted(text)));
    }

    /** The EnquiryAnswered payloads about an enquiry in the outbox, oldest first. */
    private List<String> outbox(UUID enquiry) {
        return jdbc.sql("""
                select serialized_event from event_publication
                where serialized_event like :subject and serialized_event like :type order by publication_date""")
                .param("subject", "%\"subject\":\"" + enquiry + "\"%")
                .param("type", "%\"type\":\"exchange.EnquiryAnswered.v1\"%")
                .query(String.class).list().stream()
                .map(event -> JsonPath.parse(JsonPath.parse(event).<Object>read("$.data")).jsonString())
                .toList();
    }
}

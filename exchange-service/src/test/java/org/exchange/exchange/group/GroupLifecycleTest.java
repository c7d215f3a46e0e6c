package org.exchange.exchange.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.contracts.Topics;
import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class GroupLifecycleTest extends ExchangeIntegrationTest {

    KafkaConsumer<String, byte[]> events;

    @BeforeEach
    void setUp() {
        events = ExchangeApi.eventsReader(Topics.EXCHANGE);
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void aGroupRunsFromProposalToClosureWithFourMeetingsHeldAndItsOutcomePublished() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        for (int week = 1; week <= 3; week++) {
            api.groupMeeting(group, lead, 7 * week);
        }

        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(facilitator(lead)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at least 4 meetings")));

        api.groupMeeting(group, lead, 28);
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/api/exchange/groups/" + group + "/reporting").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REPORTING"));

        mvc.perform(post("/api/exchange/groups/" + group + "/close").with(facilitator(lead)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("held 0")));

        api.letTimePass(Duration.ofDays(30));
        mvc.perform(post("/api/exchange/groups/" + group + "/close").with(facilitator(lead)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("outcome")));

        mvc.perform(post("/api/exchange/outcomes").with(facilitator(lead)).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"groupId":"%s","kind":"CASE_STUDY","title":"Fractions that stick",
                         "summary":"Retrieval practice at the start of each session.","authorNames":["A. Facilitator"],
                         "subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/fractions.pdf"}"""
                        .formatted(group)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/groups/" + group + "/close").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ExchangeApi.collect(events, group.toString(), published);
            assertThat(ExchangeApi.types(published)).contains("exchange.GroupClosed.v1");
        });
        assertThat(ExchangeApi.types(published)).containsExactly("exchange.GroupProposed.v1",
                "exchange.GroupActivated.v1", "exchange.GroupReportingStarted.v1", "exchange.GroupClosed.v1");
        assertThat(new String(published.getLast().value())).contains("\"meetingsHeld\":4");
    }

    @Test
    void aPractitionerWhoIsNotAFacilitatorCannotProposeAGroup() throws Exception {
        mvc.perform(post("/api/exchange/groups").with(practitioner(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(proposal(api.westMidlands(), api.tomorrow().plusMonths(6).toString())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPlannedSpanOfThreeMonthsIsRefusedAsBadRequest() throws Exception {
        mvc.perform(post("/api/exchange/groups").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(proposal(api.westMidlands(), api.tomorrow().plusMonths(3).toString())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("4 to 12 months")));
    }

    @Test
    void aGroupInAnUnknownNetworkIsNotFound() throws Exception {
        mvc.perform(post("/api/exchange/groups").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(proposal(UUID.randomUUID(), api.tomorrow().plusMonths(6).toString())))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTheGroupsFacilitatorsOrAProgrammeAdminActivateIt() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 10);
        for (int week = 1; week <= 4; week++) {
            api.groupMeeting(group, lead, 7 * week);
        }

        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(facilitator(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(practitioner(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(programmeAdmin()))
                .andExpect(status().isOk());
    }

    @Test
    void aFullGroupOffersItsWaitlistAndALeavingMemberMakesRoomForTheFirstWaiting() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = api.formingGroup(api.westMidlands(), lead, 2);
        UUID ada = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cleo = UUID.randomUUID();

        api.join(group, ada).andExpect(status().isCreated()).andExpect(jsonPath("$.place").value("CONFIRMED"));
        api.join(group, ben).andExpect(status().isCreated()).andExpect(jsonPath("$.place").value("CONFIRMED"));
        api.join(group, cleo).andExpect(status().isCreated()).andExpect(jsonPath("$.place").value("WAITLISTED"));
        api.join(group, cleo).andExpect(status().isConflict());
        // the person waiting sees the group among theirs as waiting, with their position
        mvc.perform(get("/api/exchange/me/groups").with(practitioner(cleo)))
                .andExpect(jsonPath("$[0].id").value(group.toString()))
                .andExpect(jsonPath("$[0].name").isString())
                .andExpect(jsonPath("$[0].place").value("WAITLISTED"))
                .andExpect(jsonPath("$[0].waitlistPosition").value(1))
                .andExpect(jsonPath("$[0].facilitates").value(false));
        mvc.perform(get("/api/exchange/me/groups").with(facilitator(lead)))
                .andExpect(jsonPath("$[0].facilitates").value(true))
                .andExpect(jsonPath("$[0].waitlistPosition").value(0));

        String publicView = ExchangeApi.body(mvc.perform(get("/api/exchange/groups/" + group))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members").value(2))
                .andExpect(jsonPath("$.waitlisted").value(1))
                .andExpect(jsonPath("$.placesLeft").value(0)));
        assertThat(publicView).doesNotContain(ada.toString(), lead.toString());

        mvc.perform(delete("/api/exchange/groups/" + group + "/members/me").with(practitioner(ada)))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/exchange/groups/" + group + "/members").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].practitionerId").value(ben.toString()))
                .andExpect(jsonPath("$[1].practitionerId").value(cleo.toString()))
                .andExpect(jsonPath("$[1].place").value("CONFIRMED"));
        mvc.perform(get("/api/exchange/groups/" + group + "/members").with(practitioner(ben)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/me/groups").with(practitioner(cleo)))
                .andExpect(jsonPath("$[0].id").value(group.toString()))
                .andExpect(jsonPath("$[0].place").value("CONFIRMED"))
                .andExpect(jsonPath("$[0].waitlistPosition").value(0));

        List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ExchangeApi.collect(events, group.toString(), published);
            assertThat(ExchangeApi.types(published)).contains("exchange.MemberLeftGroup.v1");
            assertThat(published.stream().map(record -> new String(record.value()))
                    .filter(json -> json.contains(cleo.toString()))).hasSize(1);
        });
        // Leaving and the promotion it causes are one transaction; the outbox does not order events within one.
        assertThat(ExchangeApi.types(published).subList(0, 3)).containsExactly("exchange.GroupProposed.v1",
                "exchange.MemberJoinedGroup.v1", "exchange.MemberJoinedGroup.v1");
        assertThat(ExchangeApi.types(published).subList(3, 5)).containsExactlyInAnyOrder(
                "exchange.MemberLeftGroup.v1", "exchange.MemberJoinedGroup.v1");
        assertThat(published.subList(3, 5)).map(record -> new String(record.value()))
                .filteredOn(json -> json.contains(cleo.toString()))
                .singleElement().asString().contains("\"fromWaitlist\":true");
    }

    @Test
    void joiningAGroupStillProposedIsAConflict() throws Exception {
        UUID group = ExchangeApi.id(mvc.perform(post("/api/exchange/groups").with(facilitator(UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(proposal(api.westMidlands(), api.tomorrow().plusMonths(6).toString())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED")));

        api.join(group, UUID.randomUUID()).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFacilitatorCannotOpenTheirOwnProposal() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID group = ExchangeApi.id(mvc.perform(post("/api/exchange/groups").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON)
                .content(proposal(api.westMidlands(), api.tomorrow().plusMonths(6).toString())))
                .andExpect(status().isCreated()));

        mvc.perform(post("/api/exchange/groups/" + group + "/open").with(facilitator(lead)))
                .andExpect(status().isForbidden());
    }

    private String proposal(UUID network, String plannedEnd) {
        return """
                {"networkId":"%s","name":"ESOL: speaking confidence","kind":"SUBJECT","area":"ESOL",
                 "challenge":"Learners rarely speak in class","capacity":12,
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(network, api.tomorrow(), plannedEnd);
    }
}

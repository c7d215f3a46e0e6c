package org.exchange.assessment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.exchange.assessment.AssessmentApi.practitioner;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.exchange.assessment.AssessmentApi;
import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssessmentEventsTest extends AssessmentIntegrationTest {

    KafkaConsumer<String, byte[]> published;

    @BeforeEach
    void read() {
        published = AssessmentApi.eventsReader();
    }

    @AfterEach
    void close() {
        published.close();
    }

    @Test
    void aBaselineAndAReviewArePublishedWithTheChangeOfEachFocusStandard() throws Exception {
        UUID person = UUID.randomUUID();
        api.baseline(person, n -> 2);
        api.review(person, n -> 3);
        api.complete(person, "REVIEW", "etf-2022", n -> n == 1 ? 5 : 3).andExpect(status().isOk());

        List<String> events = AssessmentApi.collected();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AssessmentApi.collect(published, person, events);
            assertThat(events).hasSize(3);
        });
        assertThat(events.get(0)).startsWith("assessment.BaselineCompleted.v1")
                .contains("\"focusStandardIds\":[\"etf-2022-01\",\"etf-2022-03\"]");
        assertThat(events.get(1)).startsWith("assessment.ReviewCompleted.v1").contains("\"round\":1")
                .contains("\"standardId\":\"etf-2022-01\",\"number\":1,\"baseline\":2,\"latest\":3,"
                        + "\"changeSinceBaseline\":1");
        assertThat(events.get(2)).startsWith("assessment.ReviewCompleted.v1").contains("\"round\":2")
                .contains("\"baseline\":2,\"previous\":3,\"latest\":5,\"changeSinceBaseline\":3,"
                        + "\"changeSincePrevious\":2");
    }

    @Test
    void changedFocusStandardsArePublished() throws Exception {
        UUID person = UUID.randomUUID();
        api.baseline(person, n -> 2);
        api.saveDraft(person, """
                {"kind":"REVIEW","ratings":%s,"focusStandards":["etf-2022-13"]}"""
                .formatted(AssessmentApi.ratings("etf-2022", n -> 3))).andExpect(status().isOk());
        api.submit(person).andExpect(status().isOk());

        List<String> events = AssessmentApi.collected();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AssessmentApi.collect(published, person, events);
            assertThat(events).anyMatch(event -> event.startsWith("assessment.FocusStandardsChanged.v1"));
        });
        assertThat(events).filteredOn(event -> event.startsWith("assessment.FocusStandardsChanged.v1")).first()
                .asString().contains("\"previousFocusStandardIds\":[\"etf-2022-01\",\"etf-2022-03\"]")
                .contains("\"focusStandardIds\":[\"etf-2022-13\"]");
    }

    @Test
    void joiningAFirstGroupWithoutABaselineMakesTheBaselineDueOnce() throws Exception {
        UUID person = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        AssessmentApi.memberJoined(first, network, person);
        AssessmentApi.memberJoined(UUID.randomUUID(), network, person);

        List<String> events = AssessmentApi.collected();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AssessmentApi.collect(published, person, events);
            assertThat(events).anyMatch(event -> event.startsWith("assessment.BaselineDue.v1"));
            mvc.perform(get("/api/assessment/me/status").with(practitioner(person)))
                    .andExpect(jsonPath("$.due", hasSize(1)))
                    .andExpect(jsonPath("$.due[0].kind").value("BASELINE"))
                    .andExpect(jsonPath("$.due[0].groupName").value("Maths: fractions that stick"));
        });
        assertThat(events).filteredOn(event -> event.startsWith("assessment.BaselineDue.v1")).hasSize(1)
                .first().asString().contains(first.toString());

        api.baseline(person, n -> 3);
        mvc.perform(get("/api/assessment/me/status").with(practitioner(person)))
                .andExpect(jsonPath("$.due", hasSize(0)));
    }

    @Test
    void aGroupReportingMakesAReviewDueForMembersWithABaseline() throws Exception {
        UUID person = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        api.baseline(person, n -> 2);
        AssessmentApi.send("exchange.events", "exchange.GroupReportingStarted.v1", group, """
                {"groupId":"%s","networkId":"%s","name":"ESOL speaking","memberIds":["%s"],
                 "startedAt":"2026-11-30T10:00:00Z"}""".formatted(group, UUID.randomUUID(), person));

        List<String> events = AssessmentApi.collected();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AssessmentApi.collect(published, person, events);
            assertThat(events).anyMatch(event -> event.startsWith("assessment.ReviewDue.v1")
                    && event.contains("\"groupStatus\":\"REPORTING\"") && event.contains("ESOL speaking"));
        });
        mvc.perform(get("/api/assessment/me/status").with(practitioner(person)))
                .andExpect(jsonPath("$.due[0].kind").value("REVIEW"));
        api.review(person, n -> 3);
        mvc.perform(get("/api/assessment/me/status").with(practitioner(person)))
                .andExpect(jsonPath("$.due", hasSize(0)));
    }

    @Test
    void erasureRemovesThePersonsRatingsAndCommentsAndTheirPlaceInAggregates() throws Exception {
        UUID person = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        AssessmentApi.groupProposed(group, UUID.randomUUID(), lead);
        api.baseline(person, n -> 2);
        AssessmentApi.memberJoined(group, UUID.randomUUID(), person);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(AssessmentApi.facilitator(lead)))
                        .andExpect(jsonPath("$.people").value(1)));

        AssessmentApi.send("membership.events", "membership.PractitionerErasureRequested.v1", person, """
                {"practitionerId":"%s","requestedAt":"2026-11-30T10:00:00Z"}""".formatted(person));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/assessment/me/assessments").with(practitioner(person)))
                        .andExpect(jsonPath("$", hasSize(0))));
        mvc.perform(get("/api/assessment/me/progress").with(practitioner(person)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(AssessmentApi.facilitator(lead)))
                .andExpect(jsonPath("$.people").value(0));
    }
}

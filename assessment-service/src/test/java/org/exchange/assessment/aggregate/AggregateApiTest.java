package org.exchange.assessment.aggregate;

import static org.awaitility.Awaitility.await;
import static org.exchange.assessment.AssessmentApi.facilitator;
import static org.exchange.assessment.AssessmentApi.orgAdmin;
import static org.exchange.assessment.AssessmentApi.practitioner;
import static org.exchange.assessment.AssessmentApi.programmeAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.assessment.AssessmentApi;
import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class AggregateApiTest extends AssessmentIntegrationTest {

    /** A group exchange told this context about, its facilitator, and members who each submitted a baseline. */
    private List<UUID> groupWithBaselines(UUID group, UUID network, UUID lead, int members) throws Exception {
        AssessmentApi.groupProposed(group, network, lead);
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            UUID person = UUID.randomUUID();
            people.add(person);
            api.baseline(person, n -> 2);
            AssessmentApi.memberJoined(group, network, person);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(facilitator(lead)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.people").value(members)));
        return people;
    }

    @Test
    void aFacilitatorSeesTheirGroupOfFiveAsFiguresAndNoIndividual() throws Exception {
        UUID group = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        List<UUID> people = groupWithBaselines(group, UUID.randomUUID(), lead, 5);
        for (UUID person : people) {
            api.review(person, n -> n == 1 ? 4 : 3);
        }

        String body = AssessmentApi.body(mvc.perform(get("/api/assessment/aggregates/groups/" + group)
                        .with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withheld").value(false))
                .andExpect(jsonPath("$.editionYear").value(2022))
                .andExpect(jsonPath("$.standards", hasSize(20)))
                .andExpect(jsonPath("$.standards[0].distribution[3]").value(5))
                .andExpect(jsonPath("$.standards[0].averageChangeSinceBaseline").value(2.0))
                .andExpect(jsonPath("$.standards[1].averageChangeSinceBaseline").value(1.0)));
        for (UUID person : people) {
            org.assertj.core.api.Assertions.assertThat(body).doesNotContain(person.toString());
        }
        mvc.perform(get("/api/assessment/aggregates/groups/" + group + "/aggregate.csv").with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(
                        containsString(",1,Professional values and attributes,5,0,0,0,5,0,0,5,2.0,")))
                .andExpect(content().string(not(containsString(people.getFirst().toString()))));
    }

    @Test
    void aGroupOfFourShowsNoFiguresAndSaysWhy() throws Exception {
        UUID group = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        groupWithBaselines(group, UUID.randomUUID(), lead, 4);

        mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(facilitator(lead)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withheld").value(true))
                .andExpect(jsonPath("$.people").value(4))
                .andExpect(jsonPath("$.standards", hasSize(0)))
                .andExpect(jsonPath("$.reason").value(containsString("Fewer than 5 people")));
    }

    @Test
    void anotherFacilitatorOrAPractitionerIsRefusedAGroupsAggregate() throws Exception {
        UUID group = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        groupWithBaselines(group, network, UUID.randomUUID(), 1);

        mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(facilitator(UUID.randomUUID())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(practitioner(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/assessment/aggregates/groups/" + group).with(programmeAdmin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/assessment/aggregates/networks/" + network).with(programmeAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people").value(1));
        mvc.perform(get("/api/assessment/aggregates/networks/" + network).with(facilitator(UUID.randomUUID())))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOrgAdminSeesOnlyTheirOwnOrganisationsAggregate() throws Exception {
        mvc.perform(get("/api/assessment/aggregates/organisations/org-westmid-college")
                        .with(orgAdmin("org-westmid-college")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("organisation org-westmid-college"));
        mvc.perform(get("/api/assessment/aggregates/organisations/org-partner-college")
                        .with(orgAdmin("org-westmid-college")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

package org.exchange.exchange.research;

import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeApplication;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

class ActionResearchTest extends ExchangeIntegrationTest {

    UUID lead = UUID.randomUUID();
    UUID member = UUID.randomUUID();
    UUID group;
    LocalDate today;

    @BeforeEach
    void anActiveGroupWithAMember() throws Exception {
        group = api.formingGroup(api.westMidlands(), lead, 10);
        api.join(group, member).andExpect(status().isCreated());
        for (int week = 1; week <= 4; week++) {
            api.groupMeeting(group, lead, 7 * week);
        }
        mvc.perform(post("/api/exchange/groups/" + group + "/activate").with(facilitator(lead)))
                .andExpect(status().isOk());
        today = LocalDate.ofInstant(clock.instant(), ExchangeApplication.PROGRAMME_ZONE);
    }

    @Test
    void membersRecordTrialsAndObservationsAndTheFacilitatorRecordsWhatWorks() throws Exception {
        UUID trial = ExchangeApi.id(trial(practitioner(member), today.minusDays(7)).andExpect(status().isCreated()));
        send("/api/exchange/research/trials/" + trial + "/observations", practitioner(member), """
                {"observedOn":"%s","observation":"Learners recalled three of four methods a week later."}"""
                .formatted(today)).andExpect(status().isCreated());
        send("/api/exchange/groups/" + group + "/research/evaluations", facilitator(lead), """
                {"whatWorks":"Short retrieval quizzes at the start of sessions","whatDidNot":"Homework sheets",
                 "nextSteps":"Share the quiz bank with the network"}""").andExpect(status().isCreated());

        mvc.perform(get("/api/exchange/groups/" + group + "/research").with(practitioner(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trials[0].trial.method").value("Retrieval practice"))
                .andExpect(jsonPath("$.trials[0].observations.length()").value(1))
                .andExpect(jsonPath("$.evaluations[0].whatWorks")
                        .value("Short retrieval quizzes at the start of sessions"));
    }

    @Test
    void someoneOutsideTheGroupCannotRecordOrReadItsResearch() throws Exception {
        UUID outsider = UUID.randomUUID();

        trial(practitioner(outsider), today).andExpect(status().isForbidden());
        mvc.perform(get("/api/exchange/groups/" + group + "/research").with(practitioner(outsider)))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyTheFacilitatorsRecordTheGroupsEvaluation() throws Exception {
        send("/api/exchange/groups/" + group + "/research/evaluations", practitioner(member),
                "{\"whatWorks\":\"Everything\"}").andExpect(status().isForbidden());
    }

    @Test
    void anObservationBeforeTheTrialStartedIsABadRequest() throws Exception {
        UUID trial = ExchangeApi.id(trial(practitioner(member), today).andExpect(status().isCreated()));

        send("/api/exchange/research/trials/" + trial + "/observations", practitioner(member), """
                {"observedOn":"%s","observation":"Too early"}""".formatted(today.minusDays(1)))
                .andExpect(status().isBadRequest());
        trial(practitioner(member), today.plusDays(3)).andExpect(status().isBadRequest());
    }

    private ResultActions trial(JwtRequestPostProcessor who, LocalDate startedOn) throws Exception {
        return send("/api/exchange/groups/" + group + "/research/trials", who, """
                {"method":"Retrieval practice","aim":"Fractions remembered between sessions","startedOn":"%s"}"""
                .formatted(startedOn));
    }

    private ResultActions send(String path, JwtRequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post(path).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}

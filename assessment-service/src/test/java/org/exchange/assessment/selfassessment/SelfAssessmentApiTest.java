package org.exchange.assessment.selfassessment;

import static org.exchange.assessment.AssessmentApi.practitioner;
import static org.exchange.assessment.AssessmentApi.ratings;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.assessment.AssessmentApi;
import org.exchange.assessment.AssessmentIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SelfAssessmentApiTest extends AssessmentIntegrationTest {

    @Test
    void aHalfDoneBaselineIsKeptAsADraftAndCountsOnlyOnceSubmitted() throws Exception {
        UUID ada = UUID.randomUUID();
        api.saveDraft(ada, """
                {"kind":"BASELINE","careerStage":"EARLY_CAREER",
                 "ratings":[{"standardId":"etf-2022-01","score":3,"comment":"I reflect after each session"},
                            {"standardId":"etf-2022-02","score":2}],
                 "focusStandards":["etf-2022-02"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.edition.id").value("etf-2022"))
                .andExpect(jsonPath("$.edition.year").value(2022));

        mvc.perform(get("/api/assessment/me/draft").with(practitioner(ada)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ratings", hasSize(2)))
                .andExpect(jsonPath("$.ratings[0].comment").value("I reflect after each session"))
                .andExpect(jsonPath("$.careerStage").value("EARLY_CAREER"));
        mvc.perform(get("/api/assessment/me/status").with(practitioner(ada)))
                .andExpect(jsonPath("$.baselineDone").value(false))
                .andExpect(jsonPath("$.draft.kind").value("BASELINE"));

        api.submit(ada)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("not yet rated: 3, 4")));
        mvc.perform(get("/api/assessment/me/assessments").with(practitioner(ada)))
                .andExpect(jsonPath("$", hasSize(0)));

        api.complete(ada, "BASELINE", "etf-2022", n -> 3)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.kind").value("BASELINE"))
                .andExpect(jsonPath("$.ratings", hasSize(20)));
        mvc.perform(get("/api/assessment/me/status").with(practitioner(ada)))
                .andExpect(jsonPath("$.baselineDone").value(true))
                .andExpect(jsonPath("$.draft").doesNotExist());
    }

    @Test
    void aReviewStartsFromTheLastRatings() throws Exception {
        UUID grace = UUID.randomUUID();
        api.baseline(grace, n -> n % 6 + 1);

        mvc.perform(get("/api/assessment/me/draft").with(practitioner(grace)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("REVIEW"))
                .andExpect(jsonPath("$.saved").value(false))
                .andExpect(jsonPath("$.ratings[0].score").value(2))
                .andExpect(jsonPath("$.ratings[5].score").value(1))
                .andExpect(jsonPath("$.focusStandards[0].number").value(1));
    }

    @Test
    void aRatingOutsideOneToSixIsRefusedAndNothingIsSaved() throws Exception {
        UUID person = UUID.randomUUID();
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[{"standardId":"etf-2022-01","score":7}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[{"standardId":"etf-2022-01","score":0}]}""")
                .andExpect(status().isBadRequest());
        assertNoDraft(person);
    }

    @Test
    void anUnknownStandardOrEditionIsRefusedAndNothingIsSaved() throws Exception {
        UUID person = UUID.randomUUID();
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[{"standardId":"etf-2022-21","score":3}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("No standard etf-2022-21")));
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[{"standardId":"etf-2014-01","score":3}]}""")
                .andExpect(status().isBadRequest());
        api.saveDraft(person, """
                {"kind":"BASELINE","editionId":"etf-1999","ratings":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("No edition etf-1999")));
        assertNoDraft(person);
    }

    @Test
    void moreThanFiveFocusStandardsAreRefused() throws Exception {
        UUID person = UUID.randomUUID();
        api.saveDraft(person, """
                {"kind":"BASELINE","focusStandards":["etf-2022-01","etf-2022-02","etf-2022-03","etf-2022-04",
                                                     "etf-2022-05","etf-2022-06"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("at most 5 focus standards")));
        assertNoDraft(person);
    }

    @Test
    void aSubmittedAssessmentNeedsAtLeastOneFocusStandard() throws Exception {
        UUID person = UUID.randomUUID();
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":%s}""".formatted(ratings("etf-2022", n -> 4))).andExpect(status().isOk());
        api.submit(person)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("at least 1 focus standard")));
    }

    @Test
    void aSecondBaselineIsRefused() throws Exception {
        UUID person = UUID.randomUUID();
        api.baseline(person, n -> 2);

        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[]}""")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/assessment/me/assessments").with(practitioner(person)))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aReviewBeforeTheBaselineIsRefused() throws Exception {
        UUID person = UUID.randomUUID();
        api.saveDraft(person, """
                {"kind":"REVIEW","ratings":[]}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("complete your baseline first")));
        assertNoDraft(person);
    }

    @Test
    void aReviewIsMadeAgainstTheEditionOfTheBaseline() throws Exception {
        UUID person = UUID.randomUUID();
        api.baseline(person, n -> 2);
        api.saveDraft(person, """
                {"kind":"REVIEW","editionId":"etf-2014","ratings":[]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("edition of the baseline")));
    }

    @Test
    void aPractitionerReadsOnlyTheirOwnAssessments() throws Exception {
        UUID owner = UUID.randomUUID();
        String body = AssessmentApi.body(api.complete(owner, "BASELINE", "etf-2022", n -> 4));
        String id = JsonPath.read(body, "$.id");

        mvc.perform(get("/api/assessment/me/assessments/" + id).with(practitioner(owner)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/assessment/me/assessments/" + id).with(practitioner(UUID.randomUUID())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/assessment/me/assessments").with(practitioner(UUID.randomUUID())))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aRatingPointsAtAnOutcomeShownWithItsTitleOnceExchangePublishedIt() throws Exception {
        UUID person = UUID.randomUUID();
        UUID outcome = UUID.randomUUID();
        AssessmentApi.send("exchange.events", "exchange.OutcomePublished.v1", outcome, """
                {"outcomeId":"%s","networkId":"%s","kind":"CASE_STUDY","title":"Fractions that stick",
                 "summary":"s","subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/f.pdf",
                 "authorNames":[],"groupMemberIds":[],"publishedBy":"%s","publishedAt":"2026-11-30T10:00:00Z"}"""
                .formatted(outcome, UUID.randomUUID(), person));
        api.saveDraft(person, """
                {"kind":"BASELINE","ratings":[{"standardId":"etf-2022-14","score":4,
                  "evidence":[{"kind":"OUTCOME","id":"%s"}]}]}""".formatted(outcome)).andExpect(status().isOk());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/assessment/me/draft").with(practitioner(person)))
                        .andExpect(jsonPath("$.ratings[0].evidence[0].kind").value("OUTCOME"))
                        .andExpect(jsonPath("$.ratings[0].evidence[0].title").value("Fractions that stick")));
        mvc.perform(get("/api/assessment/me/evidence").with(practitioner(person)))
                .andExpect(jsonPath("$[?(@.id == '%s')].title".formatted(outcome)).value("Fractions that stick"));
        mvc.perform(get("/api/assessment/me/evidence").with(practitioner(UUID.randomUUID())))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    private void assertNoDraft(UUID person) throws Exception {
        mvc.perform(get("/api/assessment/me/draft").with(practitioner(person)))
                .andExpect(status().isNotFound());
    }
}

package org.exchange.assessment.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.assessment.AssessmentApi.ORGANISATION;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.exchange.assessment.AssessmentApi;
import org.exchange.assessment.AssessmentIntegrationTest;
import org.exchange.testing.ServiceDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Membership's request to forget a person reaches every table of this context that holds something of theirs. */
class ErasureTest extends AssessmentIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceDatabase database;

    @Test
    void erasureReachesEveryTableOfThisContextThatHoldsTheirPersonalData() throws Exception {
        UUID ada = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID groupAdaRuns = UUID.randomUUID();
        UUID outcome = UUID.randomUUID();
        database.awaitHandled(registered(ada), AssessmentApi.groupProposed(groupAdaRuns, network, ada),
                AssessmentApi.memberJoined(group, network, ada), outcomePublished(outcome, ada));
        api.baseline(ada, n -> 3);
        database.awaitHandled(reportingStarted(group, ada));
        api.saveDraft(ada, """
                {"kind":"REVIEW","ratings":[{"standardId":"etf-2022-14","score":4,"comment":"My own words on it",
                  "evidence":[{"kind":"OUTCOME","id":"%s"}]}],"focusStandards":["etf-2022-14"],
                 "developmentGoals":"What I want to get better at"}""".formatted(outcome))
                .andExpect(status().isOk());
        List<UUID> assessments = jdbc.sql("select id from self_assessment where practitioner_id = ?").param(ada)
                .query(UUID.class).list();
        // before: every table of this context that holds something of a person's holds something of Ada's
        assertThat(database.count("select count(*) from person where practitioner_id = ? and organisation_id = ?", ada,
                ORGANISATION)).isOne();
        assertThat(assessments).hasSize(2);
        assertThat(database.count("""
                select count(*) from self_assessment where practitioner_id = ? and development_goals is not null""",
                ada)).isEqualTo(2);
        assertThat(database.countIn("rating where comment is not null and assessment_id", assessments)).isOne();
        assertThat(database.countIn("focus_standard where assessment_id", assessments)).isEqualTo(3);
        assertThat(database.countIn("evidence_link where assessment_id", assessments)).isOne();
        assertEveryReadModelRow(ada, 1);

        database.awaitHandled(AssessmentApi.send("membership.events", "membership.PractitionerErasureRequested.v1",
                ada, "{\"practitionerId\":\"%s\",\"requestedAt\":\"2026-11-30T10:00:00Z\"}".formatted(ada)));

        assertErased(ada, assessments);
        // events that name Ada after her erasure do not bring anything of hers back
        database.awaitHandled(profileUpdated(ada), AssessmentApi.memberJoined(UUID.randomUUID(), network, ada),
                reportingStarted(group, ada), outcomePublished(UUID.randomUUID(), ada),
                AssessmentApi.groupProposed(UUID.randomUUID(), network, ada));
        assertErased(ada, assessments);

        database.personalDataTables()
                .erasureRemovesOrBlanks("person", "self_assessment", "rating", "focus_standard", "evidence_link",
                        "group_member", "group_facilitator", "assessment_due", "evidence_owner")
                .notAboutTheErasedPerson("exchange_group", "groups' names")
                .notAboutTheErasedPerson("framework_edition", "the Professional Standards' editions and publishers")
                .notAboutTheErasedPerson("standard_text", "the standards' published wording and editors' notes")
                .assertEveryTableIsAccountedFor();
    }

    private void assertErased(UUID ada, List<UUID> assessments) {
        assertThat(database.count("""
                select count(*) from person where practitioner_id = ? and erased and organisation_id is null""", ada))
                .as("person: marked erased, organisation forgotten").isOne();
        assertThat(database.count("select count(*) from self_assessment where practitioner_id = ?", ada))
                .as("self_assessment").isZero();
        assertThat(database.countIn("rating where assessment_id", assessments)).as("rating").isZero();
        assertThat(database.countIn("focus_standard where assessment_id", assessments)).as("focus_standard").isZero();
        assertThat(database.countIn("evidence_link where assessment_id", assessments)).as("evidence_link").isZero();
        assertEveryReadModelRow(ada, 0);
    }

    /** Ada's rows in the read models fed by exchange's events, and what became due for her. */
    private void assertEveryReadModelRow(UUID ada, int expected) {
        assertThat(database.count("select count(*) from group_member where practitioner_id = ?", ada))
                .as("group_member").isEqualTo(expected);
        assertThat(database.count("select count(*) from group_facilitator where facilitator_id = ?", ada))
                .as("group_facilitator").isEqualTo(expected);
        assertThat(database.count("select count(*) from assessment_due where practitioner_id = ?", ada))
                .as("assessment_due").isEqualTo(expected);
        assertThat(database.count("select count(*) from evidence_owner where practitioner_id = ?", ada))
                .as("evidence_owner").isEqualTo(expected);
    }

    private static UUID registered(UUID person) throws Exception {
        return AssessmentApi.send("membership.events", "membership.PractitionerRegistered.v1", person, """
                {"practitionerId":"%s","email":"ada@college.test","givenName":"Ada","familyName":"Lovelace",
                 "organisationId":"%s","registeredAt":"2026-11-30T10:00:00Z"}""".formatted(person, ORGANISATION));
    }

    private static UUID profileUpdated(UUID person) throws Exception {
        return AssessmentApi.send("membership.events", "membership.PractitionerProfileUpdated.v1", person, """
                {"practitionerId":"%s","email":"ada@college.test","givenName":"Ada","familyName":"Lovelace",
                 "jobRole":"Lecturer","organisationId":"%s","region":"West Midlands","specialisms":["maths"],
                 "newsletterConsent":false,"nameOnOutcomesConsent":true,"updatedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(person, ORGANISATION));
    }

    private static UUID reportingStarted(UUID group, UUID member) throws Exception {
        return AssessmentApi.send("exchange.events", "exchange.GroupReportingStarted.v1", group, """
                {"groupId":"%s","networkId":"%s","name":"Maths: fractions that stick","memberIds":["%s"],
                 "startedAt":"2026-11-30T11:00:00Z"}""".formatted(group, UUID.randomUUID(), member));
    }

    private static UUID outcomePublished(UUID outcome, UUID member) throws Exception {
        return AssessmentApi.send("exchange.events", "exchange.OutcomePublished.v1", outcome, """
                {"outcomeId":"%s","networkId":"%s","kind":"CASE_STUDY","title":"Fractions that stick",
                 "summary":"s","subjectArea":"maths","licence":"CC BY 4.0","linkUrl":"https://files.test/f.pdf",
                 "authorNames":[],"groupMemberIds":["%s"],"publishedBy":"%s","publishedAt":"2026-11-30T10:00:00Z"}"""
                .formatted(outcome, UUID.randomUUID(), member, UUID.randomUUID()));
    }
}

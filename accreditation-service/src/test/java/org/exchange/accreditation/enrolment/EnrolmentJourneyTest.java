package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.ENDORSED;
import static org.exchange.accreditation.support.AccreditationApi.assessor;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.id;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.programmeAdmin;
import static org.exchange.accreditation.support.AccreditationApi.today;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.exchange.accreditation.support.Events;
import org.junit.jupiter.api.Test;

class EnrolmentJourneyTest extends AccreditationIntegrationTest {

    @Test
    void aCandidateGoesFromApplicationToAwardAndEachStepIsPublished() throws Exception {
        Person candidate = practitioner("Cara", COLLEGE);
        try (Events.Published published = new Events.Published()) {
            UUID enrolment = id(api.apply(candidate, DEVELOPMENT).andExpect(status().isCreated()));
            assertThat(JsonPath.<String>read(api.enrolment(enrolment, candidate), "$.status")).isEqualTo("APPLIED");

            api.accept(enrolment, today().minusMonths(4)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ENROLLED"));
            String accepted = published.await("accreditation.EnrolmentAccepted.v1", enrolment.toString()).payload();
            assertThat(JsonPath.<Double>read(accepted, "$.feeAmount")).isEqualTo(995.0);
            assertThat(JsonPath.<String>read(accepted, "$.currency")).isEqualTo("GBP");

            api.logDevelopmentHours(candidate, enrolment);
            api.savePlan(candidate, enrolment).andExpect(status().isOk());
            assertThat(JsonPath.<String>read(api.enrolment(enrolment, candidate), "$.status"))
                    .isEqualTo("IN_PROGRESS");
            UUID led = api.twoWorkshops(candidate, enrolment);
            published.await("accreditation.WorkshopCounted.v1", enrolment.toString());

            Person observer = assessor("Olu", "org-academy");
            api.observe(observer, enrolment, led).andExpect(status().isCreated());
            published.await("accreditation.ObservationRecorded.v1", enrolment.toString());
            String ready = api.enrolment(enrolment, candidate);
            assertThat(JsonPath.<String>read(ready, "$.status")).isEqualTo("READY_FOR_ASSESSMENT");
            assertThat(JsonPath.<List<String>>read(ready, "$.checklist[?(@.met == false)].requirementId"))
                    .containsExactly("panel", "recommendations");
            published.await("accreditation.ReadyForAssessment.v1", enrolment.toString());

            Person[] panel = api.panelists(COLLEGE);
            api.panel(enrolment, panel[0], panel[1]).andExpect(status().isOk())
                    .andExpect(jsonPath("$.panel.academyAssessor.name").value("Ada Assessor"));
            published.await("accreditation.PanelAssigned.v1", enrolment.toString());
            api.recommend(panel[0], enrolment, "RECOMMEND").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("READY_FOR_ASSESSMENT"));
            api.recommend(panel[1], enrolment, "RECOMMEND").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RECOMMENDED"));
            published.await("accreditation.PanelRecommended.v1", enrolment.toString());

            String completions = body(mvc.perform(get("/api/accreditation/admin/completions")
                    .with(programmeAdmin().token())).andExpect(status().isOk()));
            assertThat(JsonPath.<List<String>>read(completions,
                    "$[?(@.enrolmentId == '" + enrolment + "')].candidateGivenName")).containsExactly("Cara");
            String csv = body(mvc.perform(get("/api/accreditation/admin/completions.csv")
                    .with(programmeAdmin().token())).andExpect(status().isOk()));
            assertThat(csv.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                    .startsWith("ILM centre number,Programme code,Programme"));
            assertThat(csv).contains(enrolment.toString()).contains("Cara,Candidate,cara@college.test");

            api.award(enrolment, "ILM-123456").andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("AWARDED"))
                    .andExpect(jsonPath("$.ilmReference").value("ILM-123456"));
            String award = published.await("accreditation.AwardCompleted.v1", enrolment.toString()).payload();
            assertThat(JsonPath.<String>read(award, "$.practitionerId")).isEqualTo(candidate.id().toString());
            assertThat(JsonPath.<String>read(award, "$.programmeCode")).isEqualTo(DEVELOPMENT);

            // every admin decision, and the ILM export with the candidate's details, is on the audit trail
            String trail = body(mvc.perform(get("/api/accreditation/audit?subjectId=" + enrolment)
                    .with(programmeAdmin().token())).andExpect(status().isOk()));
            assertThat(JsonPath.<List<String>>read(trail, "$.entries[*].action")).containsExactly(
                    "enrolment.awarded", "enrolment.panel-named", "enrolment.accepted");
            assertThat(JsonPath.<List<String>>read(trail, "$.entries[0].changed")).contains("status", "ilmReference");
            assertThat(JsonPath.<String>read(trail, "$.entries[0].personId")).isEqualTo(candidate.id().toString());
            String exports = body(mvc.perform(get("/api/accreditation/audit?action=export.downloaded&subjectId="
                    + "ilm-completions.csv").with(programmeAdmin().token())).andExpect(status().isOk()));
            assertThat(JsonPath.<List<Integer>>read(exports, "$.entries[*].after.rows")).isNotEmpty();
        }
    }

    @Test
    void theChecklistSaysWhatIsMissingInPlainWords() throws Exception {
        Person candidate = practitioner("Mo", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        api.logHours(candidate, enrolment, "COACHING_OR_MENTORING", "1.5");

        String view = api.enrolment(enrolment, candidate);

        assertThat(missing(view, "coaching-hours")).isEqualTo("0.5 more hours of coaching or mentoring");
        assertThat(missing(view, "observed-workshops")).isEqualTo("1 more observed workshop");
        assertThat(missing(view, "workshops")).isEqualTo("2 more workshops facilitated");
        assertThat(missing(view, "minimum-duration")).isEqualTo("eligible for assessment from "
                + today().plusMonths(3).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
        assertThat(JsonPath.<String>read(view, "$.status")).isEqualTo("IN_PROGRESS");
        assertThat(JsonPath.<List<Integer>>read(view,
                "$.checklist[?(@.requirementId == 'coaching-hours')].percent")).containsExactly(75);
    }

    @Test
    void theEndorsedAwardIsOpenOnlyToHoldersOfTheDevelopmentAward() throws Exception {
        Person candidate = practitioner("Eve", COLLEGE);
        api.apply(candidate, ENDORSED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Development Award")));
        assertThat(body(mvc.perform(get("/api/accreditation/me/enrolments").with(candidate.token())))).isEqualTo("[]");

        api.awarded(candidate);

        api.apply(candidate, ENDORSED).andExpect(status().isCreated())
                .andExpect(jsonPath("$.requirementVersion").value(1))
                .andExpect(jsonPath("$.checklist.length()").value(12));
    }

    @Test
    void aSecondOpenEnrolmentInOneProgrammeIsRefused() throws Exception {
        Person candidate = practitioner("Tam", COLLEGE);
        api.apply(candidate, DEVELOPMENT).andExpect(status().isCreated());

        api.apply(candidate, DEVELOPMENT).andExpect(status().isConflict());
    }

    @Test
    void aCandidateWithdrawsAndEnrolmentWithdrawnIsPublished() throws Exception {
        Person candidate = practitioner("Wyn", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 1);
        try (Events.Published published = new Events.Published()) {
            mvc.perform(post("/api/accreditation/enrolments/" + enrolment + "/withdraw").with(candidate.token())
                    .contentType("application/json").content("{\"reason\":\"Changing jobs\"}"))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));

            String withdrawn = published.await("accreditation.EnrolmentWithdrawn.v1", enrolment.toString()).payload();
            assertThat(JsonPath.<String>read(withdrawn, "$.outcome")).isEqualTo("WITHDRAWN");
        }
        api.logHours(candidate, enrolment, "COACHING_OR_MENTORING", "1").andExpect(status().isConflict());
    }

    private static String missing(String view, String requirementId) {
        List<String> missing = JsonPath.read(view, "$.checklist[?(@.requirementId == '" + requirementId
                + "')].missing");
        return missing.isEmpty() ? null : missing.getFirst();
    }
}

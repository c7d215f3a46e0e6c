package org.exchange.accreditation.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchange.accreditation.support.AccreditationApi.ACADEMY;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.DEVELOPMENT;
import static org.exchange.accreditation.support.AccreditationApi.assessor;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.id;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input is refused with a problem and nothing saved; each person sees only what is theirs to see. */
class BadInputAndAccessTest extends AccreditationIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = { "-1", "0", "24.25", "25", "1.3" })
    void hoursOutsideOneToTwentyFourInQuarterHoursAreRefusedAndNothingIsSaved(String hours) throws Exception {
        Person candidate = practitioner("Hal", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);

        problem(api.logHours(candidate, enrolment, "OBSERVED_PRACTICE", hours), 400);

        assertThat(hoursLogged(candidate, enrolment)).isEmpty();
    }

    @Test
    void twentyFourHoursInOneEntryAreAccepted() throws Exception {
        Person candidate = practitioner("Hana", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);

        api.logHours(candidate, enrolment, "REFLECTION_AND_PLANNING", "24").andExpect(status().isCreated());

        assertThat(hoursLogged(candidate, enrolment)).hasSize(1);
    }

    @Test
    void someoneWithoutTheAssessorRoleCannotRecordAnObservation() throws Exception {
        Person candidate = practitioner("Nia", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID led = api.twoWorkshops(candidate, enrolment);

        problem(api.observe(practitioner("Pip", COLLEGE), enrolment, led), 403);

        assertThat(observations(candidate, enrolment)).isEmpty();
    }

    @Test
    void anAssessorNeverObservesTheirOwnWorkshop() throws Exception {
        Person candidateAndAssessor = assessor("Sol", COLLEGE);
        UUID enrolment = api.enrolled(candidateAndAssessor, DEVELOPMENT, 0);
        UUID led = api.twoWorkshops(candidateAndAssessor, enrolment);

        problem(api.observe(candidateAndAssessor, enrolment, led), 403);

        assertThat(observations(candidateAndAssessor, enrolment)).isEmpty();
    }

    @Test
    void onlyAWorkshopTheCandidateLedCanBeObserved() throws Exception {
        Person candidate = practitioner("Rui", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        api.twoWorkshops(candidate, enrolment);

        problem(api.observe(assessor("Ola", ACADEMY), enrolment, UUID.randomUUID()), 400);

        assertThat(observations(candidate, enrolment)).isEmpty();
    }

    @Test
    void aPanelOfTwoAssessorsFromOneOrganisationIsRefused() throws Exception {
        Person candidate = practitioner("Lin", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        Person[] fromTheCollege = api.panelists(COLLEGE);
        Person[] fromTheAcademy = api.panelists(ACADEMY);

        problem(api.panel(enrolment, fromTheCollege[1], fromTheCollege[1]), 400);
        problem(api.panel(enrolment, fromTheAcademy[0], fromTheAcademy[1]), 400)
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("one organisation")));
        problem(api.panel(enrolment, fromTheCollege[1], fromTheAcademy[0]), 400);

        assertThat(JsonPath.<java.util.Map<String, Object>>read(api.enrolment(enrolment, candidate), "$.panel"))
                .doesNotContainKeys("academyAssessor", "organisationAssessor");
    }

    @Test
    void onlyPanelMembersRecommend() throws Exception {
        Person candidate = practitioner("Kit", COLLEGE);
        UUID enrolment = api.ready(candidate);
        Person[] panel = api.panelists(COLLEGE);
        api.panel(enrolment, panel[0], panel[1]).andExpect(status().isOk());

        problem(api.recommend(assessor("Zed", COLLEGE), enrolment, "RECOMMEND"), 403);

        assertThat(JsonPath.<List<?>>read(api.enrolment(enrolment, candidate), "$.panel.recommendations")).isEmpty();
    }

    @Test
    void recommendationsWaitUntilTheCandidateIsReadyForAssessment() throws Exception {
        Person candidate = practitioner("Ike", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        Person[] panel = api.panelists(COLLEGE);
        api.panel(enrolment, panel[0], panel[1]).andExpect(status().isOk());

        problem(api.recommend(panel[0], enrolment, "RECOMMEND"), 409);
    }

    @Test
    void anEvidenceFileOverFiveMegabytesIsRefused() throws Exception {
        Person candidate = practitioner("Bo", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID entry = id(api.logHours(candidate, enrolment, "OBSERVED_PRACTICE", "2"));
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');

        problem(upload(candidate, enrolment, entry, new MockMultipartFile("file", "notes.txt", "text/plain", big)),
                413);

        assertThat(JsonPath.<List<?>>read(body(hours(candidate, enrolment)), "$[0].evidence")).isEmpty();
    }

    @Test
    void anEvidenceFileIsJudgedByItsContentNotItsName() throws Exception {
        Person candidate = practitioner("Cy", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID entry = id(api.logHours(candidate, enrolment, "OBSERVED_PRACTICE", "2"));
        byte[] executable = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0 };

        problem(upload(candidate, enrolment, entry,
                new MockMultipartFile("file", "observation.pdf", "application/pdf", executable)), 415);
        problem(upload(candidate, enrolment, entry,
                new MockMultipartFile("file", "notes.exe", "text/plain", "plain words".getBytes())), 415);
        assertThat(JsonPath.<List<?>>read(body(hours(candidate, enrolment)), "$[0].evidence")).isEmpty();

        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        upload(candidate, enrolment, entry, new MockMultipartFile("file", "observation.pdf", "application/pdf", pdf))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.mediaType").value("application/pdf"));
        UUID evidence = UUID.fromString(JsonPath.read(body(hours(candidate, enrolment)), "$[0].evidence[0].id"));
        mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/hours/" + entry + "/evidence/" + evidence)
                .with(candidate.token())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andExpect(content().bytes(pdf));
    }

    @Test
    void aCandidateSeesOnlyTheirOwnPortfolio() throws Exception {
        Person candidate = practitioner("Una", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);

        problem(mvc.perform(get("/api/accreditation/enrolments/" + enrolment)
                .with(practitioner("Vic", COLLEGE).token())), 403);
        problem(hours(practitioner("Vic", COLLEGE), enrolment), 403);
        problem(api.logHours(practitioner("Vic", COLLEGE), enrolment, "OBSERVED_PRACTICE", "1"), 403);
    }

    @Test
    void anAssessorSeesOnlyTheCandidatesTheyObserveOrAssess() throws Exception {
        Person candidate = practitioner("Ann", COLLEGE);
        UUID enrolment = api.enrolled(candidate, DEVELOPMENT, 0);
        UUID led = api.twoWorkshops(candidate, enrolment);
        Person observer = assessor("Obi", ACADEMY);
        Person stranger = assessor("Sam", ACADEMY);

        problem(mvc.perform(get("/api/accreditation/enrolments/" + enrolment).with(observer.token())), 403);
        api.observe(observer, enrolment, led).andExpect(status().isCreated());

        mvc.perform(get("/api/accreditation/enrolments/" + enrolment).with(observer.token()))
                .andExpect(status().isOk());
        problem(mvc.perform(get("/api/accreditation/enrolments/" + enrolment).with(stranger.token())), 403);
        assertThat(body(mvc.perform(get("/api/accreditation/assessor/candidates").with(observer.token()))))
                .contains(enrolment.toString());
        assertThat(body(mvc.perform(get("/api/accreditation/assessor/candidates").with(stranger.token()))))
                .doesNotContain(enrolment.toString());
    }

    @Test
    void programmeAdminWorkIsForProgrammeAdminsOnly() throws Exception {
        Person candidate = practitioner("Dee", COLLEGE);
        UUID enrolment = id(api.apply(candidate, DEVELOPMENT));

        problem(mvc.perform(get("/api/accreditation/admin/enrolments").with(candidate.token())), 403);
        problem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/accreditation/admin/enrolments/" + enrolment + "/accept").with(candidate.token())), 403);
        mvc.perform(get("/api/accreditation/admin/enrolments?status=APPLIED").with(programmeAdmin().token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == '" + enrolment + "')]").exists());
    }

    private ResultActions upload(Person candidate, UUID enrolment, UUID entry, MockMultipartFile file)
            throws Exception {
        return mvc.perform(multipart("/api/accreditation/enrolments/" + enrolment + "/hours/" + entry + "/evidence")
                .file(file).with(candidate.token()));
    }

    private ResultActions hours(Person reader, UUID enrolment) throws Exception {
        return mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/hours").with(reader.token()));
    }

    private List<?> hoursLogged(Person candidate, UUID enrolment) throws Exception {
        return JsonPath.read(body(hours(candidate, enrolment).andExpect(status().isOk())), "$");
    }

    private List<?> observations(Person reader, UUID enrolment) throws Exception {
        return JsonPath.read(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/observations")
                .with(programmeAdmin().token()))), "$");
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}

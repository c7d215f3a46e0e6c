package org.exchange.accreditation.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** People with their tokens, and the steps of an enrolment taken through the API. */
public final class AccreditationApi {

    public static final String DEVELOPMENT = "ILM-DEVELOPMENT-PLLE";
    public static final String ENDORSED = "ILM-ENDORSED-PLLE";
    public static final String ACADEMY = "org-academy";
    public static final String COLLEGE = "org-westmid-college";

    private final MockMvc mvc;

    public AccreditationApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A person as their access token describes them. */
    public record Person(UUID id, String givenName, String familyName, String organisationId, List<String> roles) {

        public JwtRequestPostProcessor token() {
            return jwt().jwt(token -> {
                token.subject(id.toString()).claim("realm_access", Map.of("roles", roles))
                        .claim("given_name", givenName).claim("family_name", familyName)
                        .claim("email", givenName.toLowerCase() + "@college.test");
                if (organisationId != null) {
                    token.claim("organisation", organisationId);
                }
            });
        }
    }

    public static Person practitioner(String givenName, String organisationId) {
        return new Person(UUID.randomUUID(), givenName, "Candidate", organisationId, List.of("practitioner"));
    }

    public static Person assessor(String givenName, String organisationId) {
        return new Person(UUID.randomUUID(), givenName, "Assessor", organisationId,
                List.of("practitioner", "assessor"));
    }

    public static Person programmeAdmin() {
        return new Person(UUID.randomUUID(), "Pat", "Admin", ACADEMY, List.of("practitioner", "programme-admin"));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }

    public ResultActions apply(Person candidate, String programme) throws Exception {
        return mvc.perform(post("/api/accreditation/enrolments").with(candidate.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"programmeCode\":\"" + programme + "\"}"));
    }

    /** Applies and has a programme admin accept, the enrolment starting the given months ago. */
    public UUID enrolled(Person candidate, String programme, int monthsAgo) throws Exception {
        UUID id = id(apply(candidate, programme).andExpect(status().isCreated()));
        accept(id, today().minusMonths(monthsAgo)).andExpect(status().isOk());
        return id;
    }

    public ResultActions accept(UUID enrolment, LocalDate enrolledOn) throws Exception {
        return mvc.perform(post("/api/accreditation/admin/enrolments/" + enrolment + "/accept")
                .with(programmeAdmin().token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"enrolledOn\":\"" + enrolledOn + "\"}"));
    }

    public ResultActions logHours(Person candidate, UUID enrolment, String category, String hours) throws Exception {
        return mvc.perform(post("/api/accreditation/enrolments/" + enrolment + "/hours").with(candidate.token())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"category":"%s","hours":%s,"occurredOn":"%s","description":"Peer session notes"}"""
                        .formatted(category, hours, today().minusDays(1))));
    }

    /** The Development award's provisional hours: 6 + 15 + 2 + 1 = 24. */
    public void logDevelopmentHours(Person candidate, UUID enrolment) throws Exception {
        logHours(candidate, enrolment, "OBSERVED_PRACTICE", "6").andExpect(status().isCreated());
        logHours(candidate, enrolment, "REFLECTION_AND_PLANNING", "15").andExpect(status().isCreated());
        logHours(candidate, enrolment, "COACHING_OR_MENTORING", "2").andExpect(status().isCreated());
        logHours(candidate, enrolment, "PRESENTATION_AND_FEEDBACK", "1").andExpect(status().isCreated());
    }

    public ResultActions savePlan(Person candidate, UUID enrolment) throws Exception {
        return mvc.perform(put("/api/accreditation/enrolments/" + enrolment + "/development-plan")
                .with(candidate.token()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"goals":[{"goal":"Facilitate action learning sets with confidence",
                                   "actions":"Co-facilitate two sets, then lead one","reviewOn":"%s"}]}"""
                        .formatted(today().plusMonths(1))));
    }

    /**
     * The candidate led one workshop and facilitated another, as exchange records it; waits until both show.
     *
     * @return the meeting they led
     */
    public UUID twoWorkshops(Person candidate, UUID enrolment) throws Exception {
        UUID led = UUID.randomUUID();
        // workshops count from the day the enrolment started; these took place today
        Instant now = Instant.now();
        Events.attendance(UUID.randomUUID(), candidate.id(), led, "LEAD_FACILITATOR", 120, now, false);
        Events.attendance(UUID.randomUUID(), candidate.id(), UUID.randomUUID(), "FACILITATOR", 90, now, false);
        awaitWorkshops(candidate, enrolment, 2);
        return led;
    }

    public void awaitWorkshops(Person reader, UUID enrolment, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> JsonPath.<List<?>>read(body(mvc.perform(
                get("/api/accreditation/enrolments/" + enrolment + "/workshops").with(reader.token()))),
                "$").size() == count);
    }

    public ResultActions observe(Person assessor, UUID enrolment, UUID meeting) throws Exception {
        return mvc.perform(post("/api/accreditation/enrolments/" + enrolment + "/observations")
                .with(assessor.token()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"meetingId":"%s","observedOn":"%s","seen":"Clear ground rules; every voice heard",
                         "feedback":"Hold the silence a little longer","counts":true}"""
                        .formatted(meeting, today())));
    }

    /** Two appointed assessors, known here through membership's events: one of the academy, one of the college. */
    public Person[] panelists(String candidateOrganisation) {
        Person academy = assessor("Ada", ACADEMY);
        Person own = assessor("Owen", candidateOrganisation);
        Events.person(academy.id(), academy.givenName(), academy.familyName(), ACADEMY, true);
        Events.person(own.id(), own.givenName(), own.familyName(), candidateOrganisation, true);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            String assessors = body(mvc.perform(get("/api/accreditation/admin/assessors")
                    .with(programmeAdmin().token())));
            return assessors.contains(academy.id().toString()) && assessors.contains(own.id().toString());
        });
        return new Person[] { academy, own };
    }

    public ResultActions panel(UUID enrolment, Person academy, Person own) throws Exception {
        return mvc.perform(put("/api/accreditation/admin/enrolments/" + enrolment + "/panel")
                .with(programmeAdmin().token()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"academyAssessorId":"%s","organisationAssessorId":"%s"}""".formatted(academy.id(),
                        own.id())));
    }

    public ResultActions recommend(Person member, UUID enrolment, String decision) throws Exception {
        return mvc.perform(post("/api/accreditation/enrolments/" + enrolment + "/recommendations")
                .with(member.token()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"decision":"%s","reasons":"A reflective presentation, well evidenced"}"""
                        .formatted(decision)));
    }

    public ResultActions award(UUID enrolment, String reference) throws Exception {
        return mvc.perform(post("/api/accreditation/admin/enrolments/" + enrolment + "/award")
                .with(programmeAdmin().token()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"confirmedOn":"%s","ilmReference":"%s"}""".formatted(today(), reference)));
    }

    /** A Development award taken all the way: ready, recommended by its panel and confirmed by ILM. */
    public UUID awarded(Person candidate) throws Exception {
        UUID enrolment = ready(candidate);
        Person[] panel = panelists(candidate.organisationId());
        panel(enrolment, panel[0], panel[1]).andExpect(status().isOk());
        recommend(panel[0], enrolment, "RECOMMEND").andExpect(status().isOk());
        recommend(panel[1], enrolment, "RECOMMEND").andExpect(status().isOk());
        award(enrolment, "ILM-" + enrolment.toString().substring(0, 8)).andExpect(status().isOk());
        return enrolment;
    }

    /** A Development award whose every requirement but the panel's holds. */
    public UUID ready(Person candidate) throws Exception {
        UUID enrolment = enrolled(candidate, DEVELOPMENT, 4);
        logDevelopmentHours(candidate, enrolment);
        savePlan(candidate, enrolment).andExpect(status().isOk());
        UUID led = twoWorkshops(candidate, enrolment);
        observe(assessor("Olu", ACADEMY), enrolment, led).andExpect(status().isCreated());
        return enrolment;
    }

    public String enrolment(UUID enrolment, Person reader) throws Exception {
        return body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment).with(reader.token()))
                .andExpect(status().isOk()));
    }

    public static UUID id(ResultActions result) throws Exception {
        return UUID.fromString(JsonPath.read(body(result), "$.id"));
    }

    public static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(UTF_8);
    }
}

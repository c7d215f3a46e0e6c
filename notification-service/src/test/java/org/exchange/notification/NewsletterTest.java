package org.exchange.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.contracts.exchange.GroupProposed;
import org.exchange.contracts.exchange.MeetingScheduled;
import org.exchange.contracts.exchange.OutcomePublished;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;

class NewsletterTest extends NotificationIntegrationTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile(
            "http://localhost:8080(/api/notifications/unsubscribe/[A-Za-z0-9_-]+)");

    private final UUID admin = UUID.randomUUID();

    @Test
    void anIssueIsDraftedFromTheQuartersFactsAndReachesEachConsentingPersonOnceAndNobodyElse() throws Exception {
        String organisation = "org-newsletter-" + UUID.randomUUID();
        publishAndAwait(new OrganisationRegistered(organisation, "Newsletter College", "COLLEGE", "West Midlands",
                null, Instant.now()), UUID.randomUUID());
        Person ada = staff("Ada", organisation, true);
        Person bob = staff("Bob", organisation, false);
        Person cy = staff("Cy", organisation, true);
        publishAndAwait(new PractitionerErasureRequested(cy.id(), Instant.now()), cy.id());
        String outcome = "Feedback that moves learners on " + UUID.randomUUID();
        String day = "Spring development day " + UUID.randomUUID();
        String group = "Digital skills circle " + UUID.randomUUID();
        UUID outcomeId = UUID.randomUUID();
        publishAndAwait(new OutcomePublished(outcomeId, null, null, "CASE_STUDY", outcome, "What worked in maths.",
                "maths", "CC BY 4.0", null, List.of(), List.of(), null, Instant.now()), outcomeId);
        UUID meeting = UUID.randomUUID();
        publishAndAwait(new MeetingScheduled(meeting, null, null, "DEVELOPMENT_DAY", day,
                Instant.now().plus(10, ChronoUnit.DAYS), Instant.now().plus(10, ChronoUnit.DAYS).plusSeconds(7200),
                "Europe/London", null, "Westmid College", null, 80, "Professor Jane Doe", List.of(), Instant.now()),
                meeting);
        UUID groupId = UUID.randomUUID();
        publishAndAwait(new GroupProposed(groupId, null, group, "THEMATIC", "digital skills",
                "Using phones in class", 12, null, null, List.of(), admin, Instant.now()), groupId);

        JsonNode draft = body(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"audience\":{\"segment\":\"ORGANISATION\",\"ref\":\"" + organisation + "\"}}")),
                status().isCreated());
        String markdown = draft.get("markdown").asString();
        assertThat(markdown).contains(outcome).contains(day).contains("Key speaker: Professor Jane Doe")
                .contains(group);
        String id = draft.get("id").asString();
        String title = "Newsletter " + UUID.randomUUID();
        body(mvc.perform(put("/api/notifications/newsletters/" + id).with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("title", title,
                        "markdown", markdown + "\n**Thank you** for all you do.\n",
                        "audience", Map.of("segment", "ORGANISATION", "ref", organisation))))), status().isOk());
        assertThat(body(mvc.perform(get("/api/notifications/newsletters/audiences/count").with(programmeAdmin())
                .param("segment", "ORGANISATION").param("ref", organisation)), status().isOk())
                .get("count").asInt()).as("Ada alone: Bob did not agree, Cy was erased").isEqualTo(1);

        JsonNode preview = body(mvc.perform(get("/api/notifications/newsletters/" + id + "/preview")
                .with(programmeAdmin())), status().isOk());
        assertThat(preview.get("html").asString()).contains("<h2>Outcomes published this quarter</h2>")
                .contains("<strong>Thank you</strong>").contains("<h1");
        assertThat(preview.get("text").asString()).contains("**Thank you**").contains("Read it on the web");

        mvc.perform(post("/api/notifications/newsletters/" + id + "/schedule").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        await().atMost(PATIENCE).until(() -> "SENT".equals(issue(id).get("status").asString()));

        ReceivedMail copy = awaitOneMail(ada.email(), title);
        assertThat(copy.text()).contains(outcome).contains("To stop them, open ");
        assertThat(mails(bob.email(), title)).isEmpty();
        assertThat(mails(cy.email(), title)).isEmpty();
        JsonNode progress = issue(id).get("progress");
        assertThat(progress.get("sent").asInt()).isEqualTo(1);
        assertThat(progress.get("queued").asInt()).isZero();

        mvc.perform(get("/api/notifications/newsletters/archive/" + id))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(outcome)));
        // the web version each copy links to is the portal's archive page, which reads the issue's content
        assertThat(copy.text()).contains("/newsletters.html?issue=" + id);
        JsonNode content = body(mvc.perform(get("/api/notifications/newsletters/archive/" + id + "/content")),
                status().isOk());
        assertThat(content.get("title").asString()).isEqualTo(title);
        assertThat(content.get("html").asString()).contains(outcome).doesNotContain("<h1");
        assertThat(content.get("sentAt").isNull()).isFalse();

        // Ada unsubscribes with the one-click POST of her copy's link: the next issue does not reach her
        Matcher link = UNSUBSCRIBE.matcher(copy.text());
        assertThat(link.find()).isTrue();
        mvc.perform(post(link.group(1)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click")).andExpect(status().isOk());
        assertThat(body(mvc.perform(get("/api/notifications/newsletters/audiences/count").with(programmeAdmin())
                .param("segment", "ORGANISATION").param("ref", organisation)), status().isOk())
                .get("count").asInt()).isZero();
        JsonNode next = body(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"audience\":{\"segment\":\"ORGANISATION\",\"ref\":\"" + organisation + "\"}}")),
                status().isCreated());
        mvc.perform(post("/api/notifications/newsletters/" + next.get("id").asString() + "/schedule")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aScheduledIssueCanBeCancelledUntilItStartsAndIsADraftAgain() throws Exception {
        String organisation = "org-newsletter-" + UUID.randomUUID();
        staff("Dee", organisation, true);
        String id = body(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Later\",\"audience\":{\"segment\":\"ORGANISATION\",\"ref\":\"" + organisation
                        + "\"}}")), status().isCreated()).get("id").asString();

        JsonNode scheduled = body(mvc.perform(post("/api/notifications/newsletters/" + id + "/schedule")
                .with(programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"sendAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")), status().isOk());
        assertThat(scheduled.get("status").asString()).isEqualTo("SCHEDULED");
        mvc.perform(put("/api/notifications/newsletters/" + id).with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("title", "Edited",
                        "markdown", "Text", "audience", Map.of("segment", "CONSENTED")))))
                .andExpect(status().isConflict());

        JsonNode cancelled = body(mvc.perform(post("/api/notifications/newsletters/" + id + "/cancel")
                .with(programmeAdmin())), status().isOk());
        assertThat(cancelled.get("status").asString()).isEqualTo("DRAFT");
        assertThat(cancelled.get("progress").get("recipients").asInt()).isZero();
        mvc.perform(post("/api/notifications/newsletters/" + id + "/cancel").with(programmeAdmin()))
                .andExpect(status().isConflict());
    }

    @Test
    void aTestCopyGoesToTheAdminsOwnAddressOnly() throws Exception {
        String email = "programme-admin-" + UUID.randomUUID() + "@academy.test";
        String id = body(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin(email))
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Trial run\"}")), status().isCreated())
                .get("id").asString();

        mvc.perform(post("/api/notifications/newsletters/" + id + "/test").with(programmeAdmin(email)))
                .andExpect(status().isAccepted());

        assertThat(awaitOneMail(email, "[Test] Trial run").text()).contains("From the programme team");
        assertThat(issue(id).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void onlyProgrammeAdminsWorkOnTheNewsletter() throws Exception {
        mvc.perform(get("/api/notifications/newsletters").with(signedIn(UUID.randomUUID())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notifications/newsletters/archive")).andExpect(status().isOk());
        mvc.perform(get("/api/notifications/newsletters/archive/" + UUID.randomUUID() + "/content"))
                .andExpect(status().isNotFound());
    }

    /** Someone on an organisation's staff, who agreed to the newsletter or not. */
    private Person staff(String givenName, String organisation, boolean consent) throws Exception {
        Person person = registeredPractitioner(givenName);
        publishAndAwait(new PractitionerProfileUpdated(person.id(), person.email(), givenName, "Tester", "Lecturer",
                organisation, "West Midlands", List.of(), consent, false, Instant.now()), person.id());
        return person;
    }

    private JsonNode issue(String id) throws Exception {
        return body(mvc.perform(get("/api/notifications/newsletters/" + id).with(programmeAdmin())), status().isOk());
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result, ResultMatcher expected)
            throws Exception {
        return json.readTree(result.andExpect(expected).andReturn().getResponse().getContentAsString(UTF_8));
    }

    private RequestPostProcessor programmeAdmin() {
        return programmeAdmin("programme-admin@academy.test");
    }

    private RequestPostProcessor programmeAdmin(String email) {
        return jwt().jwt(token -> token.subject(admin.toString()).claim("email", email)
                .claim("realm_access", Map.of("roles", List.of("practitioner", "programme-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_practitioner"),
                        new SimpleGrantedAuthority("ROLE_programme-admin"));
    }
}

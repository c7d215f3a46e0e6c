package org.exchange.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
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

    @Test
    void aHardBounceMarksTheCopyBouncedAndStopsTheNewsletterToTheAddressUntilThePersonOptsInAgain() throws Exception {
        String organisation = "org-bounce-" + UUID.randomUUID();
        Person ada = staff("Ada", organisation, true);
        Person bob = staff("Bob", organisation, true);
        String id = sentIssue(organisation, "Bounce " + UUID.randomUUID());

        JsonNode outcome = body(reportBounce(deliveryStatusNotification(messageIdOfCopy(id, ada), ada.email(),
                "5.1.1", "550 5.1.1 User unknown")), status().isOk());

        assertThat(outcome.get("bounced").asInt()).isEqualTo(1);
        assertThat(outcome.get("suppressed").asInt()).isEqualTo(1);
        JsonNode progress = issue(id).get("progress");
        assertThat(progress.get("bounced").asInt()).isEqualTo(1);
        assertThat(progress.get("sent").asInt()).isEqualTo(1);
        JsonNode failure = body(mvc.perform(get("/api/notifications/newsletters/" + id + "/failures")
                .with(programmeAdmin())), status().isOk()).get(0);
        assertThat(failure.get("recipient").asString()).isEqualTo(ada.email());
        assertThat(failure.get("status").asString()).isEqualTo("BOUNCED");
        assertThat(failure.get("smtpReply").asString()).isEqualTo("bounced 5.1.1: smtp; 550 5.1.1 User unknown");
        assertThat(audienceCount(organisation)).as("Bob alone: Ada's address bounced hard").isEqualTo(1);

        mvc.perform(put("/api/notifications/preferences").with(signedIn(ada.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categories\":[{\"category\":\"NEWSLETTER\",\"email\":true}]}"))
                .andExpect(status().isOk());
        assertThat(audienceCount(organisation)).as("Ada opted in again").isEqualTo(2);
        assertThat(bob.email()).isNotEqualTo(ada.email());
    }

    @Test
    void aSoftBounceMarksTheCopyBouncedAndKeepsTheAddressAndANewAddressEndsAHardBounce() throws Exception {
        String organisation = "org-bounce-" + UUID.randomUUID();
        Person ada = staff("Ada", organisation, true);
        Person bob = staff("Bob", organisation, true);
        String id = sentIssue(organisation, "Bounce " + UUID.randomUUID());

        body(reportBounce(deliveryStatusNotification(messageIdOfCopy(id, ada), ada.email(), "4.2.2",
                "452 4.2.2 Mailbox full")), status().isOk());
        body(reportBounce(deliveryStatusNotification(messageIdOfCopy(id, bob), bob.email(), "5.1.1",
                "550 5.1.1 User unknown")), status().isOk());

        assertThat(issue(id).get("progress").get("bounced").asInt()).isEqualTo(2);
        assertThat(audienceCount(organisation)).as("Ada alone: her mailbox was only full").isEqualTo(1);
        String newAddress = "bob-new-" + UUID.randomUUID() + "@college.test";
        publishAndAwait(new PractitionerProfileUpdated(bob.id(), newAddress, "Bob", "Tester", "Lecturer",
                organisation, "West Midlands", List.of(), true, false, Instant.now()), bob.id());
        assertThat(audienceCount(organisation)).as("Bob's new address has not bounced").isEqualTo(2);
    }

    @Test
    void onlyTheMailSystemReportsBouncesAndOnlyDeliveryStatusNotifications() throws Exception {
        String report = deliveryStatusNotification("<" + UUID.randomUUID() + "@exchange.test>", "x@college.test",
                "5.1.1", "550 5.1.1 User unknown");

        mvc.perform(post(BOUNCES).contentType("message/rfc822").content(report))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(BOUNCES).with(httpBasic("bounces", "guessed")).contentType("message/rfc822")
                .content(report)).andExpect(status().isUnauthorized());
        mvc.perform(post(BOUNCES).with(programmeAdmin()).contentType("message/rfc822").content(report))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        body(reportBounce("Subject: hello\r\n\r\nNot a report\r\n"), status().isBadRequest());
        JsonNode unknown = body(reportBounce(report), status().isOk());
        assertThat(unknown.get("unmatched").asInt()).isEqualTo(1);
        assertThat(unknown.get("bounced").asInt()).isZero();
    }

    private static final String BOUNCES = "/api/notifications/bounces";

    private org.springframework.test.web.servlet.ResultActions reportBounce(String message) throws Exception {
        return mvc.perform(post(BOUNCES).with(httpBasic("bounces", "test-bounce-secret"))
                .contentType("message/rfc822").content(message));
    }

    /** A DSN (RFC 3464) as a receiving server sends it back some time after it accepted the copy. */
    private static String deliveryStatusNotification(String messageId, String recipient, String status,
            String diagnostic) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.college.test>
                To: no-reply@exchange.test
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="report"

                --report
                Content-Type: text/plain

                Your message could not be delivered.

                --report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.college.test
                Arrival-Date: Tue, 1 Dec 2026 09:00:00 +0000

                Final-Recipient: rfc822; %s
                Original-Recipient: rfc822;%s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp;
                 %s

                --report
                Content-Type: text/rfc822-headers

                Message-ID: %s
                From: Exchange <no-reply@exchange.test>
                To: %s
                Subject: The newsletter

                --report--
                """.formatted(recipient, recipient, status, diagnostic, messageId, recipient).replace("\n", "\r\n");
    }

    /** Drafts an issue to the organisation's staff, sends it now and waits until it is sent; its id. */
    private String sentIssue(String organisation, String title) throws Exception {
        String id = body(mvc.perform(post("/api/notifications/newsletters").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"" + title + "\",\"audience\":{\"segment\":\"ORGANISATION\",\"ref\":\""
                        + organisation + "\"}}")), status().isCreated()).get("id").asString();
        mvc.perform(post("/api/notifications/newsletters/" + id + "/schedule").with(programmeAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
        await().atMost(PATIENCE).until(() -> "SENT".equals(issue(id).get("status").asString()));
        return id;
    }

    /** The Message-ID the person's copy of the issue went out with. */
    private String messageIdOfCopy(String issue, Person person) {
        return "<" + jdbc.sql("select id from outgoing_mail where newsletter_issue_id = :issue::uuid and recipient_id = :person")
                .param("issue", issue).param("person", person.id()).query(UUID.class).single() + "@exchange.test>";
    }

    private int audienceCount(String organisation) throws Exception {
        return body(mvc.perform(get("/api/notifications/newsletters/audiences/count").with(programmeAdmin())
                .param("segment", "ORGANISATION").param("ref", organisation)), status().isOk()).get("count").asInt();
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

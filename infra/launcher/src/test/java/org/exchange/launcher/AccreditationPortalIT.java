package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.awaitility.core.ConditionFactory;
import org.exchange.launcher.MembershipApi.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ILM award pages of the portal in a real browser against the whole platform: a candidate applies for the
 * Development award and a programme admin accepts; the candidate logs hours (the progress bars move), uploads evidence,
 * writes their plan, a reflection and their CPD commitment; workshops they facilitated, recorded in exchange, appear in
 * their portfolio; a peer assessor observes one; the programme admin names the panel (an academy assessor and one from
 * the candidate's organisation), both recommend, the programme admin records ILM's confirmation; the candidate
 * downloads the PDF certificate and the credential, anyone checks the credential, and membership-service makes them
 * eligible for the Learning Exchange. Every page is checked against WCAG 2.2 AA with axe-core and at a phone's width.
 */
class AccreditationPortalIT extends BrowserTest {

    private static final String DEVELOPMENT = "ILM Development Award in Practitioner-Led Learning Exchange";
    private static final String ENDORSED = "ILM Endorsed Award in Practitioner-Led Learning Exchange";

    static MembershipApi membership;
    static AccreditationApi awards;

    @BeforeAll
    static void assessorsAreKnown() {
        membership = new MembershipApi(platform);
        awards = new AccreditationApi(membership);
        awards.introduce("assessor");
        awards.introduce("academyassessor");
    }

    @Test
    void aCandidateIsAcceptedBuildsTheirPortfolioIsObservedRecommendedAwardedAndDownloadsTheirCertificate()
            throws Exception {
        Person candidate = awards.candidate("Cara", "org-westmid-college");
        String candidateId = awards.subjectOf(candidate.username());
        String name = candidate.name();

        // The programmes, with the fee and the Development award's provisional requirements; applying.
        signInAs(candidate.username(), "/awards/");
        assertThat(heading("ILM awards in Practitioner-Led Learning Exchange")).isVisible();
        assertThat(page.getByTestId("fee-ILM-DEVELOPMENT-PLLE")).hasText("£995.00");
        assertThat(page.getByTestId("fee-ILM-ENDORSED-PLLE")).hasText("£995.00");
        assertThat(page.getByTestId("provisional-ILM-DEVELOPMENT-PLLE")).containsText("Provisional requirements");
        assertThat(page.locator("[data-programme='ILM-ENDORSED-PLLE']")).containsText("At least 62 hours");
        Accessibility.assertNoViolations(page, "the award programmes");
        button("Apply for the " + DEVELOPMENT).click();
        assertThat(status("You applied for the " + DEVELOPMENT)).isFocused();
        assertThat(page.getByTestId("my-enrolments")).containsText("Applied");
        // the Endorsed award needs the Development award: refused, and the reason takes focus
        button("Apply for the " + ENDORSED).click();
        assertThat(page.locator("#message [role='alert']")).isFocused();
        String enrolmentId = awards.enrolmentOf(candidate, AccreditationApi.DEVELOPMENT_AWARD).get("id").asString();
        // the candidate's name reaches accreditation-service from membership-service's events
        eventually(Duration.ofSeconds(60)).until(() -> name.equals(
                awards.enrolment(enrolmentId, "programmeadmin").get("candidate").get("name").asString()));
        screenshot("awards-programmes-applied");
        assertFitsAPhone("/awards/");

        // A programme admin accepts the application, which issues the invoice.
        signInAs("programmeadmin", "/admin/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Award enrolments").setExact(true)).click();
        Locator application = page.locator("li[data-enrolment='" + enrolmentId + "']");
        assertThat(application).containsText(name);
        Accessibility.assertNoViolations(page, "the award applications");
        // The award asks for three months from enrolment and counts workshops from the enrolment's start: the
        // candidate began seven months ago, before the platform recorded it (an admin may date the enrolment back).
        application.getByLabel("Enrolled on").fill(LocalDate.now().minusMonths(7).toString());
        application.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept " + name)).click();
        assertThat(status(name + " is enrolled in the " + DEVELOPMENT)).isFocused();

        // membership-service invoices the fee on acceptance, and tells accreditation-service
        eventually(Duration.ofSeconds(60)).until(() -> awards.enrolment(enrolmentId, candidate.username())
                .has("fee"));

        // The candidate logs hours and sees the bars move.
        signInAs(candidate.username(), "/awards/award.html?id=" + enrolmentId);
        assertThat(heading(DEVELOPMENT)).isVisible();
        assertThat(page.getByTestId("enrolment-status")).hasText("Enrolled");
        assertThat(page.getByTestId("fee")).containsText("£995.00, invoice");
        Locator observedBar = requirementBar("observed-practice-hours");
        Locator totalBar = requirementBar("total-hours");
        assertThat(observedBar).hasAttribute("value", "0");
        assertThat(page.locator("li[data-requirement='observed-practice-hours']")).containsText("more hours");
        Accessibility.assertNoViolations(page, "a new award");

        Locator hoursForm = page.locator("#hours-form");
        hoursForm.getByLabel("Category").selectOption("OBSERVED_PRACTICE");
        hoursForm.getByLabel("Hours", new Locator.GetByLabelOptions().setExact(true)).fill("25");
        hoursForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log hours")).click();
        assertThat(hoursForm.locator(".error-summary")).isFocused();
        assertThat(hoursForm.getByLabel("Hours", new Locator.GetByLabelOptions().setExact(true)))
                .hasAttribute("aria-invalid", "true");
        Accessibility.assertNoViolations(page, "logging hours refused");
        hoursForm.getByLabel("Hours", new Locator.GetByLabelOptions().setExact(true)).fill("6");
        hoursForm.getByLabel("What you did").fill("Co-facilitated an action learning set, observed by my coach");
        hoursForm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log hours")).click();
        assertThat(status("Logged 6 hours of observed practice.")).isFocused();
        assertThat(observedBar).hasAttribute("value", "100");
        assertThat(totalBar).hasAttribute("value", "25");
        assertThat(page.locator("li[data-requirement='observed-practice-hours']")).containsText("Met");

        Locator evidence = page.locator("#evidence-form");
        assertThat(evidence).containsText("at most 5 MB");
        evidence.getByLabel("File").setInputFiles(new FilePayload("set-notes.txt", "text/plain",
                "Notes of the set I co-facilitated".getBytes(StandardCharsets.UTF_8)));
        evidence.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload evidence")).click();
        assertThat(status("Uploaded set-notes.txt as evidence.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("set-notes.txt"))).isVisible();

        page.getByLabel("What you want to learn or improve").fill("Hold silence so the set does the thinking");
        page.getByLabel("How you will work towards it").fill("Count to ten before I speak; ask my coach to watch");
        button("Save the plan").click();
        assertThat(status("Your development plan is saved with 1 goal.")).isVisible();
        assertThat(requirementBar("development-plan")).hasAttribute("value", "100");

        page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("My first set as lead");
        page.getByLabel("Your reflection").fill("I rescued the presenter too early. Next time I will wait.");
        button("Add the reflection").click();
        assertThat(status("Added your reflection “My first set as lead”.")).isVisible();
        page.getByLabel("Your commitment").fill("Two Learning Exchange development days a year and a set of my own.");
        button("Save your commitment").click();
        assertThat(status("Your commitment to CPD is saved.")).isVisible();

        // the rest of the hours are not the point here: logged through the API
        awards.logHours(candidate, enrolmentId, "REFLECTION_AND_PLANNING", 15);
        awards.logHours(candidate, enrolmentId, "COACHING_OR_MENTORING", 2);
        awards.logHours(candidate, enrolmentId, "PRESENTATION_AND_FEEDBACK", 1);

        // Workshops they facilitated, recorded in exchange by the programme admin, reach the portfolio.
        List<JsonNode> meetings = awards.pastGroupMeetings(3);
        awards.appointCoFacilitator(candidateId, meetings);
        awards.recordFacilitation(meetings.get(0), candidateId, "LEAD_FACILITATOR");
        awards.recordFacilitation(meetings.get(1), candidateId, "LEAD_FACILITATOR");
        awards.recordFacilitation(meetings.get(2), candidateId, "FACILITATOR");
        eventually(Duration.ofSeconds(60)).until(() -> awards.call("GET", "/enrolments/" + enrolmentId
                + "/workshops", candidate.username(), null, 200).size() == 3);
        reload();
        Locator workshops = page.getByRole(AriaRole.TABLE,
                new Page.GetByRoleOptions().setName("Workshops facilitated"));
        assertThat(workshops).containsText(meetings.get(0).get("title").asString());
        assertThat(workshops).containsText("Lead facilitator");
        assertThat(requirementBar("workshops")).hasAttribute("value", "100");
        assertThat(requirementBar("observed-workshops")).hasAttribute("value", "0");
        screenshot("awards-portfolio");
        Accessibility.assertNoViolations(page, "a candidate's portfolio");
        assertFitsAPhone("/awards/award.html?id=" + enrolmentId);

        // A peer assessor finds the candidate and observes a workshop they led.
        signInAs("assessor", "/assess/");
        assertThat(heading("Assess")).isVisible();
        Accessibility.assertNoViolations(page, "the assessors' section");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your candidates").setExact(true)).click();
        assertThat(heading("Your candidates")).isVisible();
        page.getByLabel("Candidate's name").fill(candidate.familyName());
        button("Find candidates").click();
        assertThat(page.locator("#found-summary")).isFocused();
        Locator found = page.locator("#found li[data-enrolment='" + enrolmentId + "']");
        found.getByLabel("Workshop the candidate led").selectOption(meetings.get(0).get("id").asString());
        found.getByLabel("What you saw").fill("Clear contracting; the set owned its questions.");
        found.getByLabel("Your feedback to the candidate").fill("Summarise less; let the presenter close.");
        Accessibility.assertNoViolations(page, "observing a candidate");
        found.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the observation")).click();
        assertThat(status("Your observation of " + name + " is recorded")).isFocused();
        assertThat(page.getByTestId("my-candidates")).containsText(name);
        assertFitsAPhone("/assess/candidates.html");

        // The programme admin assigns a coach and names the panel: one assessor from the academy, one from Westmid.
        String academyAssessorId = awards.subjectOf("academyassessor");
        String organisationAssessorId = awards.subjectOf("assessor");
        signInAs("programmeadmin", "/admin/awards.html");
        Locator enrolled = page.locator("#candidates li[data-enrolment='" + enrolmentId + "']");
        enrolled.locator("#coach-" + enrolmentId + "-coachId").selectOption(organisationAssessorId);
        enrolled.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign coach to " + name)).click();
        assertThat(status("The coach of " + name + " is assigned.")).isFocused();
        enrolled = page.locator("#candidates li[data-enrolment='" + enrolmentId + "']");
        enrolled.locator("#panel-" + enrolmentId + "-academyAssessorId").selectOption(academyAssessorId);
        enrolled.locator("#panel-" + enrolmentId + "-organisationAssessorId").selectOption(organisationAssessorId);
        enrolled.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Name the panel of " + name))
                .click();
        assertThat(status("The panel of " + name + " is named.")).isFocused();
        screenshot("awards-admin-enrolments");
        Accessibility.assertNoViolations(page, "the award enrolments with a panel");
        assertFitsAPhone("/admin/awards.html");
        eventually(Duration.ofSeconds(30)).until(() -> awards.enrolment(enrolmentId, "programmeadmin")
                .get("status").asString().equals("READY_FOR_ASSESSMENT"));

        // Both panel members recommend: the academy's assessor in the portal, the organisation's through the API.
        signInAs("academyassessor", "/assess/candidate.html?id=" + enrolmentId);
        assertThat(page.getByTestId("enrolment-status")).hasText("Ready for assessment");
        page.getByLabel("Recommend the award").check();
        page.getByLabel("Your reasons").fill("A reflective facilitator, ready to lead peer learning.");
        Accessibility.assertNoViolations(page, "recording a recommendation");
        button("Record the recommendation").click();
        assertThat(status("You recommend " + name + ".")).isFocused();
        assertThat(page.getByTestId("recommendations")).containsText("Recommends the award");
        assertFitsAPhone("/assess/candidate.html?id=" + enrolmentId);
        awards.call("POST", "/enrolments/" + enrolmentId + "/recommendations", "assessor",
                Map.of("decision", "RECOMMEND", "reasons", "Ready for approval in her own organisation."), 200);

        // The programme admin confirms the completion with ILM and records ILM's confirmation.
        signInAs("programmeadmin", "/admin/award-completions.html");
        Locator completions = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Completions"));
        assertThat(completions).containsText(name);
        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download the completions as CSV")).click());
        org.assertj.core.api.Assertions.assertThat(Files.readString(csv.path())).contains(candidate.familyName());
        Accessibility.assertNoViolations(page, "the completions to confirm");
        Locator confirmation = page.locator("li[data-enrolment='" + enrolmentId + "']");
        confirmation.getByLabel("ILM reference").fill("ILM-" + candidate.familyName());
        confirmation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record the award of " + name))
                .click();
        assertThat(status(name + " is awarded the " + DEVELOPMENT)).isFocused();
        screenshot("awards-completions");
        assertFitsAPhone("/admin/award-completions.html");

        // The candidate downloads the certificate and the credential.
        signInAs(candidate.username(), "/awards/award.html?id=" + enrolmentId);
        assertThat(page.getByTestId("enrolment-status")).hasText("Awarded");
        Download certificate = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download your certificate (PDF)")).click());
        org.assertj.core.api.Assertions.assertThat(new String(Files.readAllBytes(certificate.path()), 0, 5,
                StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        Download credential = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download your credential")).click());
        // a VC-JWT: header, payload (the Open Badges credential) and signature
        org.assertj.core.api.Assertions.assertThat(Files.readString(credential.path()).strip())
                .matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        screenshot("awards-awarded");
        Accessibility.assertNoViolations(page, "an awarded award");
        String statusPage = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Check your credential's status")).getAttribute("href");

        // Anyone checks the credential without signing in.
        try (BrowserContext anyone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740))) {
            Page visitor = anyone.newPage();
            visitor.navigate(url(statusPage));
            assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)))
                    .isVisible();
            assertThat(visitor.getByTestId("credential-status")).hasText("Valid");
            assertThat(visitor.getByTestId("credential-holder")).hasText(name);
            assertThat(visitor.getByTestId("credential-achievement")).containsText(DEVELOPMENT);
            Accessibility.assertNoViolations(visitor, "a credential's status, not signed in, on a phone");
            org.assertj.core.api.Assertions.assertThat(((Number) visitor.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                    .as("horizontal scrolling on the credential check").isLessThanOrEqualTo(0);
        }

        open("/dashboard.html");
        assertThat(page.getByTestId("dashboard-awards")).containsText(DEVELOPMENT);
        assertThat(page.getByTestId("dashboard-awards")).containsText("awarded");
        Accessibility.assertNoViolations(page, "the dashboard with the award card");

        // membership-service learns of the award: applying makes the holder eligible at once.
        eventually(Duration.ofSeconds(60)).until(() -> membership.call("GET",
                "/api/membership/me/cpd?year=" + LocalDate.now().getYear(), awards.token(candidate.username()),
                null, 200).get("activities").valueStream().anyMatch(a -> "AWARD".equals(a.get("source").asString())));
        open("/membership/");
        button("Apply for membership").click();
        assertThat(status("You are eligible: your invoice is issued below.")).isVisible();
        assertThat(page.getByTestId("membership-status")).hasText("Awaiting payment");
        // the programme's fee was invoiced by membership-service when the admin accepted the application
        Locator awardFee = page.getByTestId("invoices").getByRole(AriaRole.ROW)
                .filter(new Locator.FilterOptions().setHasText("ILM award programme fee"));
        assertThat(awardFee).containsText("£995.00");
        assertThat(page.getByText("ILM award in Practitioner-Led Learning Exchange",
                new Page.GetByTextOptions().setExact(true))).isVisible();
    }

    @Test
    void thePortalsPagesForAssessorsAreRefusedToAPractitioner() {
        signInAs("practitioner", "/dashboard.html");
        open("/assess/");
        assertThat(heading("You are not allowed to see this page")).isVisible();
    }

    /** Signs in afresh (a new browser context) as someone, and opens a page. */
    private void signInAs(String username, String path) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        // the dashboard asks everyone to sign in (some award pages are public and would not)
        open("/dashboard.html");
        signInOnKeycloak(username, MembershipApi.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
        open(path);
    }

    /** Awaits what other services do after an event; every poll is an API call, so twice a second is enough. */
    private static ConditionFactory eventually(Duration atMost) {
        return await().pollInterval(Duration.ofMillis(500)).atMost(atMost);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator status(String text) {
        return page.locator(".notice[role='status']").filter(new Locator.FilterOptions().setHasText(text));
    }

    private Locator requirementBar(String requirementId) {
        return page.locator("li[data-requirement='" + requirementId + "'] progress");
    }
}

package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * The quarterly newsletter in a real browser against the whole platform: the programme admin drafts an issue for
 * Westmid College's staff, edits it, previews it as HTML and as plain text, sends a test to themselves and sends it;
 * the admin watches it send until every copy of its audience is sent; the copy is read in the platform's mail server,
 * with its unsubscribe link and its link to the web version, which anyone reads without signing in. A practitioner
 * reads the public archive without signing in, then signs in and switches the newsletter off. Every page is checked
 * against WCAG 2.2 AA with axe-core, and on a phone-sized screen.
 */
class NewsletterPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String AUDIENCE = "ORGANISATION:org-westmid-college";
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void theProgrammeAdminDraftsPreviewsTestsAndSendsAnIssueThatReachesAConsentingPractitioner() {
        MembershipApi membership = new MembershipApi(platform);
        String admin = membership.tokenFor(ExchangeApi.PROGRAMME_ADMIN);
        int before = audienceCount(membership, admin);
        // a practitioner of Westmid College who agrees to the newsletter in their profile
        MembershipApi.Person ada = membership.newPractitioner("Ada", "org-westmid-college");
        agreesToTheNewsletter(membership, membership.tokenFor(ada.username()));
        await().atMost(PATIENCE).until(() -> audienceCount(membership, admin) > before);

        signInAt("/admin/", ExchangeApi.PROGRAMME_ADMIN);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newsletter").setExact(true)).click();
        assertThat(heading("Newsletter")).isVisible();
        Accessibility.assertNoViolations(page, "the newsletter's issues");

        String title = "Westmid news " + ExchangeApi.unique();
        page.locator("#new-issue-title").fill(title);
        page.getByLabel("Audience", EXACT).selectOption(new SelectOption().setValue(AUDIENCE));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draft the issue")).click();
        assertThat(heading(title)).isVisible();
        assertThat(page.getByTestId("issue-status")).containsText("Draft");
        org.assertj.core.api.Assertions.assertThat(page.getByLabel("Text", EXACT).inputValue())
                .contains("## From the programme team");
        Accessibility.assertNoViolations(page, "a draft issue");

        String note = "Our spring development day is open for registration " + ExchangeApi.unique();
        page.getByLabel("Text", EXACT).fill("Welcome to the newsletter.\n\n## From the programme team\n\n**" + note + "**\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the draft")).click();
        assertThat(page.getByText("The draft is saved.")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the issue")).click();
        assertThat(page.getByTestId("preview-text")).containsText("**" + note + "**");
        assertThat(page.frameLocator("[data-testid=preview-html]").locator("strong").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText(note))).hasCount(1);
        assertThat(page.frameLocator("[data-testid=preview-html]").locator("h1")).hasText(title);
        Accessibility.assertNoViolations(page, "a draft issue with its preview");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test to me")).click();
        assertThat(page.locator("#test-result")).containsText("A test copy is on its way to ");
        String adminAddress = page.locator("#test-result").innerText().replaceAll(".*on its way to (\\S+)\\.", "$1")
                .strip();
        ReceivedMail test = awaitOneMail(adminAddress, "[Test] " + title);
        org.assertj.core.api.Assertions.assertThat(test.text()).contains(note);

        // the admin watches it send: the page follows the issue until every copy of its audience is sent
        int audience = audienceCount(membership, admin);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the issue")).click();
        assertThat(page.getByTestId("send-progress")).isVisible();
        assertThat(page.getByTestId("issue-status")).containsText("Sent", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("progress-figures")).hasText("Sent " + audience + " · Failed 0 · Queued 0");
        assertThat(page.getByTestId("send-progress")).hasAttribute("value", "100");
        Accessibility.assertNoViolations(page, "a sent issue with its progress");

        ReceivedMail copy = awaitOneMail(ada.email(), title);
        org.assertj.core.api.Assertions.assertThat(copy.text()).contains(note)
                .contains("/api/notifications/unsubscribe/").contains("Read it on the web");

        // anyone reads the sent issue on the web, without signing in: the link in every copy opens the portal's archive
        String issueId = page.url().replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");
        org.assertj.core.api.Assertions.assertThat(copy.text()).contains("/newsletters.html?issue=" + issueId);
        try (var visitor = browser.newContext()) {
            Page web = visitor.newPage();
            web.navigate(url("/newsletters.html?issue=" + issueId));
            assertThat(web.locator("h1")).hasText(title);
            assertThat(web.getByTestId("archive-issue").getByText(note)).isVisible();
        }

        assertFitsAPhone("/admin/newsletters.html");
    }

    @Test
    void aPractitionerReadsTheArchiveWithoutSigningInThenSignedInSwitchesTheNewsletterOff() {
        MembershipApi membership = new MembershipApi(platform);
        String admin = membership.tokenFor(ExchangeApi.PROGRAMME_ADMIN);
        // a practitioner of Westmid College who agreed to the newsletter, so that an issue to its staff goes to them
        MembershipApi.Person nell = membership.newPractitioner("Nell", "org-westmid-college");
        String nellToken = membership.tokenFor(nell.username());
        agreesToTheNewsletter(membership, nellToken);
        await().atMost(PATIENCE).until(() -> newsletterByEmail(membership, nellToken));
        String title = "Archive news " + ExchangeApi.unique();
        String note = "What the maths groups learnt this term " + ExchangeApi.unique();
        String issueId = sentIssue(membership, admin, title, "## From the groups\n\n" + note + "\n");

        // not signed in: the archive is in the navigation, lists the issue and shows it whole
        open("/");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Newsletter archive").setExact(true)).click();
        assertThat(heading("Newsletter archive")).isVisible();
        Locator listed = page.getByTestId("archive-issues").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(title));
        assertThat(listed).isVisible();
        Accessibility.assertNoViolations(page, "the newsletter archive");
        listed.click();
        assertThat(heading(title)).isVisible();
        assertThat(page.getByTestId("archive-issue").getByRole(AriaRole.HEADING,
                new Locator.GetByRoleOptions().setName("From the groups").setLevel(2))).isVisible();
        assertThat(page.getByTestId("archive-issue").getByText(note)).isVisible();
        Accessibility.assertNoViolations(page, "an issue in the archive");
        assertFitsAPhone("/newsletters.html");
        assertFitsAPhone("/newsletters.html?issue=" + issueId);

        // the practitioner signs in and switches the newsletter off
        signInAt("/preferences.html", nell.username());
        Locator newsletter = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions()
                .setName("The quarterly newsletter"));
        assertThat(newsletter).isChecked();
        newsletter.click();
        assertThat(page.locator("#preferences-status")).containsText("The quarterly newsletter: no longer e-mailed");
        reload();
        assertThat(newsletter).not().isChecked();
        org.assertj.core.api.Assertions.assertThat(newsletterByEmail(membership, nellToken)).isFalse();
        Accessibility.assertNoViolations(page, "the e-mail choices with the newsletter off");

        // signed in, the archive still reads the same
        open("/newsletters.html?issue=" + issueId);
        assertThat(heading(title)).isVisible();
        assertThat(page.getByTestId("person")).containsText("Nell");
    }

    /** A practitioner of Westmid College says yes to the newsletter in their profile. */
    private static void agreesToTheNewsletter(MembershipApi membership, String token) {
        membership.call("GET", "/api/membership/me", token, null, 200);
        membership.call("PUT", "/api/membership/me/profile", token, Map.of("jobRole", "Lecturer in maths",
                "organisationId", "org-westmid-college", "region", "West Midlands", "specialisms", List.of("Maths"),
                "newsletterConsent", true, "nameOnOutcomesConsent", false), 200);
    }

    /** An issue to Westmid College's staff, written, sent through the API and finished sending; its id. */
    private static String sentIssue(MembershipApi membership, String admin, String title, String markdown) {
        Map<String, String> audience = Map.of("segment", "ORGANISATION", "ref", "org-westmid-college");
        String id = membership.call("POST", "/api/notifications/newsletters", admin,
                Map.of("title", title, "audience", audience), 201).get("id").asString();
        membership.call("PUT", "/api/notifications/newsletters/" + id, admin,
                Map.of("title", title, "markdown", markdown, "audience", audience), 200);
        membership.call("POST", "/api/notifications/newsletters/" + id + "/schedule", admin, Map.of(), 200);
        await().atMost(PATIENCE).until(() -> "SENT".equals(membership.call("GET", "/api/notifications/newsletters/"
                + id, admin, null, 200).get("status").asString()));
        return id;
    }

    private static boolean newsletterByEmail(MembershipApi membership, String token) {
        for (var choice : membership.call("GET", "/api/notifications/preferences", token, null, 200).get("categories")) {
            if (choice.get("category").asString().equals("NEWSLETTER")) {
                return choice.get("email").asBoolean();
            }
        }
        throw new AssertionError("no NEWSLETTER category among the preferences");
    }

    private static int audienceCount(MembershipApi membership, String adminToken) {
        return membership.call("GET", "/api/notifications/newsletters/audiences/count?segment=ORGANISATION"
                + "&ref=org-westmid-college", adminToken, null, 200).get("count").asInt();
    }

    private static ReceivedMail awaitOneMail(String address, String subject) {
        await().atMost(PATIENCE).until(() -> mailsTo(address, subject).size() == 1);
        return mailsTo(address, subject).getFirst();
    }

    private static List<ReceivedMail> mailsTo(String address, String subject) {
        return platform.mail().mailsTo(address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }
}

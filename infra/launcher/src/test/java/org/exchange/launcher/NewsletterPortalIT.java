package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * The quarterly newsletter in a real browser against the whole platform: the programme admin drafts an issue for
 * Westmid College's staff, edits it, previews it as HTML and as plain text, sends a test to themselves and sends it;
 * the progress shows it sent, the copy is read in the platform's mail server, with its unsubscribe link, and anyone
 * reads the issue on the web without signing in. Every
 * page is checked against WCAG 2.2 AA with axe-core, and on a phone-sized screen.
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
        String adaToken = membership.tokenFor(ada.username());
        membership.call("GET", "/api/membership/me", adaToken, null, 200);
        membership.call("PUT", "/api/membership/me/profile", adaToken, Map.of("jobRole", "Lecturer in maths",
                "organisationId", "org-westmid-college", "region", "West Midlands", "specialisms", List.of("Maths"),
                "newsletterConsent", true, "nameOnOutcomesConsent", false), 200);
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

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the issue")).click();
        assertThat(page.getByTestId("issue-status")).containsText("Sent", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.getByTestId("progress-figures")).containsText("Failed 0 · Queued 0");
        assertThat(page.getByTestId("send-progress")).hasAttribute("value", "100");
        Accessibility.assertNoViolations(page, "a sent issue with its progress");

        ReceivedMail copy = awaitOneMail(ada.email(), title);
        org.assertj.core.api.Assertions.assertThat(copy.text()).contains(note)
                .contains("/api/notifications/unsubscribe/").contains("Read it on the web");

        // anyone reads the sent issue on the web, without signing in (the link in every copy)
        String issueId = page.url().replaceAll(".*[?&]id=([0-9a-f-]{36}).*", "$1");
        try (var visitor = browser.newContext()) {
            Page web = visitor.newPage();
            web.navigate(url("/api/notifications/newsletters/archive/" + issueId));
            assertThat(web.locator("h1")).hasText(title);
            assertThat(web.getByText(note)).isVisible();
        }

        assertFitsAPhone("/admin/newsletters.html");
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

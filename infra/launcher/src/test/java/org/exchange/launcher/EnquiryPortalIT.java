package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;

/**
 * Enquiries in a real browser against the whole platform: a practitioner writes to the West Midlands network from the
 * network's page, a programme admin answers in the shared inbox, and the person finds the answer among their
 * enquiries and in exactly one mail. Pages are checked against WCAG 2.2 AA with axe-core, the inbox at 375 px too.
 */
class EnquiryPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String WEST_MIDLANDS = "West Midlands Professional Exchange";
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void anEnquiryToTheWestMidlandsNetworkIsAnsweredByAProgrammeAdminAndTheAnswerReachesThePerson() {
        ExchangeApi exchange = new ExchangeApi(platform);
        MembershipApi membership = new MembershipApi(platform);
        MembershipApi.Person nadia = membership.newPractitioner("Nadia", "org-westmid-college");
        // membership-service (and so notification-service and the exchange's directory) knows her once she is seen
        exchange.call("GET", "/api/membership/me", nadia.username(), null, 200);
        String subject = "Joining an ESOL group " + ExchangeApi.unique();
        String answer = "Yes: the ESOL speaking group in Wolverhampton starts in January, and it has places.";

        try (BrowserContext own = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page person = own.newPage();
            person.setDefaultTimeout(30_000);
            try {
                journey(person, nadia, subject, answer);
            } finally {
                person.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(java.nio.file.Path.of("target", "screenshots", "enquiry-person.png")));
            }
        }
        ReceivedMail mail = awaitOneMail(nadia.email(), "Answer to your enquiry: " + subject);
        org.assertj.core.api.Assertions.assertThat(mail.text()).contains(answer, WEST_MIDLANDS, "/enquiries.html");
    }

    /** The person writes from the network's page, the programme admin answers, the person reads the answer. */
    private void journey(Page person, MembershipApi.Person nadia, String subject, String answer) {
        // from the network's page to its contact form
        person.navigate(url("/groups/events.html"));
        // open to anyone: the person signs in from it and comes back to it
        person.getByTestId("sign-in-to-register").getByRole(AriaRole.LINK).click();
        signInOn(person, nadia.username());
        assertThat(person).hasURL(java.util.regex.Pattern.compile(".*/groups/events\\.html$"));
        person.getByLabel("Network").selectOption(new SelectOption().setLabel(WEST_MIDLANDS));
        person.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Contact " + WEST_MIDLANDS)).click();
        assertThat(person.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Contact " + WEST_MIDLANDS).setLevel(1))).isVisible();
        assertThat(person.getByLabel("To", EXACT)).hasValue(java.util.regex.Pattern.compile(".+"));
        person.getByLabel("Subject", EXACT).fill(subject);
        person.getByLabel("Your message").fill("I could not come to the launch. Is there an ESOL group near "
                + "Wolverhampton I can still join?");
        person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the enquiry")).click();
        assertThat(person.locator("#page")).containsText("was sent to " + WEST_MIDLANDS);
        Accessibility.assertNoViolations(person, "the contact form, sent");

        person.navigate(url("/enquiries.html"));
        Locator mine = person.getByTestId("enquiry").filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(mine.getByTestId("enquiry-status")).hasText("Waiting for an answer");
        Accessibility.assertNoViolations(person, "the person's enquiries, waiting");

        // a programme admin answers it in the shared inbox
        signInAt("/admin/enquiries.html", ExchangeApi.PROGRAMME_ADMIN);
        assertThat(heading("Enquiries")).isVisible();
        page.getByLabel("Sent to", EXACT).selectOption(new SelectOption().setLabel(WEST_MIDLANDS));
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(subject));
        assertThat(row).containsText("Nadia");
        assertThat(row).containsText(WEST_MIDLANDS);
        assertThat(row).containsText("Waiting for an answer");
        Accessibility.assertNoViolations(page, "the enquiries' inbox");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open")).click();
        page.getByLabel("Your answer").fill(answer);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(page.locator("#enquiry-status")).containsText("was sent to Nadia");
        assertThat(page.locator("#enquiry-detail")).containsText(answer);
        screenshot("enquiry-answered");
        Accessibility.assertNoViolations(page, "an enquiry answered");
        // answered, it has left the new ones
        page.getByLabel("Status", EXACT).selectOption("NEW");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(subject)))
                .hasCount(0);
        assertFitsAPhone("/admin/enquiries.html");

        // the person reads the answer in the portal, and in one mail
        person.reload();
        assertThat(mine.getByTestId("enquiry-status")).hasText("Answered");
        assertThat(mine.getByTestId("reply")).containsText(answer);
        Accessibility.assertNoViolations(person, "the person's enquiries, answered");
    }

    private static void signInOn(Page page, String username) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(MembershipApi.PASSWORD);
        page.locator("#kc-login").click();
    }

    private static ReceivedMail awaitOneMail(String address, String subject) {
        await().atMost(PATIENCE).until(() -> mailsTo(address, subject).size() == 1);
        // and no second one follows
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(address, subject).size() == 1);
        return mailsTo(address, subject).getFirst();
    }

    private static List<ReceivedMail> mailsTo(String address, String subject) {
        return platform.mail().mailsTo(address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }
}

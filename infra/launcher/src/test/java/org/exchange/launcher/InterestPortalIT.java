package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Interest in a subject in a real browser against the whole platform: a practitioner registers interest in ESOL in the
 * West Midlands and gets exactly one mail when a programme admin opens a matching group, and the programme admin sees
 * the demand; someone without an account registers by e-mail and confirms with the link of the mail they get. Pages
 * are checked against WCAG 2.2 AA with axe-core.
 */
class InterestPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Test
    void aPractitionerRegistersInterestInEsolInTheWestMidlandsAndGetsOneMailWhenAMatchingGroupOpens() {
        ExchangeApi exchange = new ExchangeApi(platform);
        MembershipApi membership = new MembershipApi(platform);
        MembershipApi.Person ada = membership.newPractitioner("Ada", "org-westmid-college");
        // membership-service (and so notification-service) knows the person and their address once they are seen
        exchange.call("GET", "/api/membership/me", ada.username(), null, 200);
        JsonNode network = exchange.network("Black Country " + ExchangeApi.unique(), "West Midlands", "Wolverhampton",
                52.5870, -2.1288);

        // the interest page is public: sign in where the portal asks for it, then open the page
        signInAt("/dashboard.html", ada.username());
        open("/interest.html");
        assertThat(heading("Hear when a group starts")).isVisible();
        page.getByLabel("Subject area", EXACT).fill("ESOL");
        page.getByLabel("Region", EXACT).selectOption(new SelectOption().setLabel("West Midlands"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register my interest")).click();
        assertThat(page.locator("#interest-status")).containsText("Registered: ESOL in West Midlands");
        assertThat(page.locator("#my-interests")).containsText("Not yet");
        Accessibility.assertNoViolations(page, "the interest page of a signed-in practitioner");

        String name = "ESOL: speaking up " + ExchangeApi.unique();
        LocalDate start = LocalDate.now().plusDays(1);
        JsonNode group = exchange.call("POST", "/api/exchange/groups", ExchangeApi.FACILITATOR, Map.of(
                "networkId", network.get("id").asString(), "name", name, "kind", "SUBJECT", "area", "ESOL",
                "challenge", "Learners who rarely speak in class", "capacity", 12, "plannedStart", start.toString(),
                "plannedEnd", start.plusMonths(6).toString(), "facilitatorIds", List.of()), 201);
        exchange.call("POST", "/api/exchange/groups/" + group.get("id").asString() + "/open",
                ExchangeApi.PROGRAMME_ADMIN, null, 200);

        String subject = "A group in ESOL is forming in West Midlands: " + name;
        ReceivedMail notice = awaitOneMail(ada.email(), subject);
        org.assertj.core.api.Assertions.assertThat(notice.text()).contains("/groups/group.html?id="
                + group.get("id").asString(), "/api/notifications/unsubscribe/");
        // a second ESOL group in the region tells nobody again
        JsonNode second = exchange.call("POST", "/api/exchange/groups", ExchangeApi.FACILITATOR, Map.of(
                "networkId", network.get("id").asString(), "name", name + " (2)", "kind", "SUBJECT", "area", "ESOL",
                "challenge", "Learners who rarely speak in class", "capacity", 12, "plannedStart", start.toString(),
                "plannedEnd", start.plusMonths(6).toString(), "facilitatorIds", List.of()), 201);
        exchange.call("POST", "/api/exchange/groups/" + second.get("id").asString() + "/open",
                ExchangeApi.PROGRAMME_ADMIN, null, 200);
        reload();
        assertThat(page.locator("#my-interests")).not().containsText("Not yet");
        org.assertj.core.api.Assertions.assertThat(platform.mail().mailsTo(ada.email()).stream()
                .filter(mail -> mail.subject().startsWith("A group in ESOL is forming")).count()).isEqualTo(1);
    }

    @Test
    void someoneWithoutAnAccountConfirmsTheirAddressAndTheProgrammeAdminSeesTheDemand() {
        ExchangeApi exchange = new ExchangeApi(platform);
        String area = "ESOL maths " + ExchangeApi.unique();
        exchange.network("Coventry " + ExchangeApi.unique(), "West Midlands", "Coventry", 52.4068, -1.5197);
        String email = "visitor-" + ExchangeApi.unique() + "@demo.exchange.test";
        try (var visitor = browser.newContext()) {
            Page web = visitor.newPage();
            web.navigate(url("/interest.html"));
            web.getByLabel("E-mail address", EXACT).fill(email);
            web.getByLabel("Subject area", EXACT).fill(area);
            web.getByLabel("Region", EXACT).selectOption(new SelectOption().setLabel("West Midlands"));
            web.getByLabel("I agree to be e-mailed about groups in this area and region").check();
            web.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a confirmation link")).click();
            assertThat(web.locator("#interest-status")).containsText("a confirmation link is on its way");
            Accessibility.assertNoViolations(web, "the interest page without signing in");

            ReceivedMail confirmation = awaitOneMail(email, "Please confirm: groups in " + area + " in West Midlands");
            String link = confirmation.text().replaceAll("(?s).*?(http\\S+/interest\\.html#confirm=[A-Za-z0-9_-]+).*",
                    "$1");
            web.navigate(link);
            assertThat(web.locator("#interest-status")).containsText("is confirmed");
        }

        signInAt("/admin/interest-demand.html", ExchangeApi.PROGRAMME_ADMIN);
        assertThat(heading("Demand for groups")).isVisible();
        assertThat(page.getByRole(AriaRole.ROW).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(area))).containsText("West Midlands");
        org.assertj.core.api.Assertions.assertThat(page.locator("main").innerText()).doesNotContain(email);
        // the map beside the table is drawn over the portal's own outlines of the UK, with no tile server
        page.locator("#demand-map-canvas .leaflet-outlines-pane path").first().waitFor(
                new com.microsoft.playwright.Locator.WaitForOptions().setState(
                        com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#demand-map-canvas .leaflet-tile")).hasCount(0);
        Accessibility.assertNoViolations(page, "the demand for groups");
    }

    private static ReceivedMail awaitOneMail(String address, String subject) {
        await().atMost(PATIENCE).until(() -> mailsTo(address, subject).size() == 1);
        return mailsTo(address, subject).getFirst();
    }

    private static List<ReceivedMail> mailsTo(String address, String subject) {
        return platform.mail().mailsTo(address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }
}

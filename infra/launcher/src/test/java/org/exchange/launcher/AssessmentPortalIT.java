package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Self-assessment against the Professional Standards in a real browser against the whole platform: a practitioner
 * takes their baseline with the keyboard alone, leaves half-way and comes back to the draft, submits, later reviews
 * and sees the radar chart and the change per standard; a facilitator sees their group's aggregate and nobody's own
 * ratings; a group of four shows no figures. Every page visited is checked against WCAG 2.2 AA with axe-core.
 */
class AssessmentPortalIT extends BrowserTest {

    static ExchangeApi exchange;
    static MembershipApi membership;
    static JsonNode network;

    @BeforeAll
    static void aNetwork() {
        exchange = new ExchangeApi(platform);
        membership = new MembershipApi(platform);
        network = exchange.network("Black Country Professional Exchange " + ExchangeApi.unique(), "West Midlands",
                "Wolverhampton", 52.5862, -2.1288);
    }

    @Test
    void aPractitionerTakesTheirBaselineWithTheKeyboardComesBackToTheDraftAndLaterSeesTheirProgress() {
        MembershipApi.Person ada = membership.newPractitioner("Ada", "org-westmid-college");
        String adaToken = membership.tokenFor(ada.username());
        // Ada's first group, which publishes an outcome she can point at as evidence
        JsonNode group = exchange.formingGroup(network.get("id").asString(), "Black Country English "
                + ExchangeApi.unique(), 12);
        String groupId = group.get("id").asString();
        membership.call("POST", "/api/exchange/groups/" + groupId + "/members", adaToken, null, 201);
        for (int n = 1; n <= 4; n++) {
            exchange.onlineMeeting(group, "Meeting " + n, LocalDate.now().plusWeeks(2L * n).atTime(16, 0), 90);
        }
        exchange.call("POST", "/api/exchange/groups/" + groupId + "/activate", ExchangeApi.FACILITATOR, null, 200);
        String outcomeTitle = "Reading aloud that sticks " + ExchangeApi.unique();
        exchange.call("POST", "/api/exchange/outcomes", ExchangeApi.FACILITATOR, Map.of("networkId",
                group.get("networkId").asString(), "groupId", groupId, "kind", "CASE_STUDY", "title", outcomeTitle,
                "summary", "Paired reading aloud at the start of each session.",
                "authorNames", List.of("F. Facilitator"),
                "subjectArea", "English", "licence", "CC BY 4.0", "linkUrl", "https://files.example.org/reading.pdf"),
                201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            org.assertj.core.api.Assertions.assertThat(membership.call("GET", "/api/assessment/me/evidence", adaToken,
                    null, 200).toString()).contains(outcomeTitle);
            org.assertj.core.api.Assertions.assertThat(membership.call("GET", "/api/assessment/me/status", adaToken,
                    null, 200).get("due").toString()).contains("BASELINE");
        });

        signInAt("/assessment/", ada.username());
        assertThat(page.getByTestId("baseline-status")).hasText("Not done yet");
        assertThat(page.locator("#assessment")).containsText("Your baseline (" + group.get("name").asString() + ")");
        Accessibility.assertNoViolations(page, "the self-assessment home");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start your baseline")).click();
        assertThat(heading("Your baseline self-assessment")).isVisible();
        assertThat(page.getByTestId("edition")).containsText("(2022)");
        Accessibility.assertNoViolations(page, "the baseline form");

        // standards 1 to 10 with the keyboard alone: Tab into each radio group, Space picks 1, arrows move up
        for (int number = 1; number <= 10; number++) {
            rateWithTheKeyboard(number, number % 6 + 1, number == 1 || number == 3);
        }
        assertThat(page.locator("#save-status")).containsText("Draft saved", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(15_000));

        // leave half-way: the dashboard says the baseline is not done, and the draft is waiting
        open("/dashboard.html");
        assertThat(page.getByTestId("dashboard-baseline")).hasText("Not done yet");
        Accessibility.assertNoViolations(page, "the dashboard with the self-assessment card");
        // the journey's self-assessment stage and the self-assessment card both lead back to the draft
        Locator continueLinks = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Continue your baseline"));
        assertThat(continueLinks).hasCount(2);
        page.getByTestId("journey-self-assess").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Continue your baseline")).click();
        assertThat(heading("Your baseline self-assessment")).isVisible();
        assertThat(page.locator("input[name='score-etf-2022-07'][value='2']")).isChecked();
        assertThat(page.locator("input[name='score-etf-2022-10'][value='5']")).isChecked();
        assertThat(page.locator("#focus-etf-2022-03")).isChecked();

        for (int number = 11; number <= 20; number++) {
            rateWithTheKeyboard(number, 3, false);
            if (number == 14) {
                // standard 14 points at the group's outcome: open its comment and evidence, tick the outcome
                tabTo("fieldset[data-standard='etf-2022-14'] summary");
                page.keyboard().press("Enter");
                tabTo("input[name='evidence-etf-2022-14']");
                page.keyboard().press("Space");
                assertThat(page.locator("fieldset[data-standard='etf-2022-14']")
                        .getByLabel("Outcome: " + outcomeTitle)).isChecked();
            }
        }
        tabTo("#developmentGoals");
        page.keyboard().type("Questioning that makes every learner think");
        tabTo("#submit");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Your baseline is submitted.")).isVisible();
        assertThat(page.locator(".notice.success")).isFocused();

        // the group starts reporting: a review is due
        exchange.call("POST", "/api/exchange/groups/" + groupId + "/reporting", ExchangeApi.FACILITATOR, null, 200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                membership.call("GET", "/api/assessment/me/status", adaToken, null, 200).get("due").toString())
                .contains("REVIEW"));
        open("/dashboard.html");
        assertThat(page.getByTestId("dashboard-baseline")).hasText("Done");
        assertThat(page.getByTestId("dashboard-assessment-due")).hasText("Review (" + group.get("name").asString()
                + ")");

        // the review starts from the baseline's ratings and evidence; two standards move up
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review your progress")).click();
        assertThat(heading("Review your progress")).isVisible();
        assertThat(page.locator("fieldset[data-standard='etf-2022-14']").getByLabel("Outcome: " + outcomeTitle))
                .isChecked();
        assertThat(page.locator("input[name='score-etf-2022-01'][value='2']")).isChecked();
        tabTo("input[name='score-etf-2022-01']:checked");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        tabTo("input[name='score-etf-2022-03']:checked");
        page.keyboard().press("ArrowRight");
        tabTo("#submit");
        page.keyboard().press("Enter");
        assertThat(page.getByText("Your review is submitted.")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your progress")).click();
        assertThat(heading("Your progress against the Professional Standards")).isVisible();
        assertThat(page.getByTestId("edition")).containsText("(2022)");
        assertThat(page.locator("canvas#radar")).isVisible();
        org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate("() => !!Chart.getChart('radar')"))
                .as("Chart.js drew the radar").isTrue();
        assertThat(page.getByTestId("change-1")).hasText("+2");
        assertThat(page.getByTestId("change-3")).hasText("+1");
        assertThat(page.getByTestId("change-2")).hasText("0");
        assertThat(page.locator(".timeline").first()).containsText("Standard 1");
        Accessibility.assertNoViolations(page, "the progress page");
        screenshot("assessment-progress");
        assertFitsAPhone("/assessment/progress.html");
        assertFitsAPhone("/assessment/take.html");
    }

    @Test
    void aFacilitatorSeesTheirGroupsAggregateAndNobodysOwnRatings() {
        JsonNode group = groupWithBaselines("Black Country maths " + ExchangeApi.unique(), 5);

        signInAt("/facilitate/assessment.html", ExchangeApi.FACILITATOR);
        page.getByLabel("Group").selectOption(group.get("id").asString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();

        Locator table = page.getByTestId("aggregate-table");
        assertThat(table).isVisible();
        assertThat(page.locator("#aggregate")).containsText("5 people have assessed themselves");
        // everyone rated standard 1 with 4: five people in the "Rated 4" column, nobody's name or id anywhere
        assertThat(table.locator("tbody tr").first().locator("td").nth(3)).hasText("5");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("Member-");
        Accessibility.assertNoViolations(page, "a group's aggregate");
        assertFitsAPhone("/facilitate/assessment.html");
    }

    @Test
    void aGroupOfFourShowsNoFigures() {
        JsonNode group = groupWithBaselines("Black Country ESOL " + ExchangeApi.unique(), 4);

        signInAt("/facilitate/assessment.html", ExchangeApi.FACILITATOR);
        page.getByLabel("Group").selectOption(group.get("id").asString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();

        assertThat(page.getByTestId("withheld")).containsText("Fewer than 5 people");
        assertThat(page.getByTestId("aggregate-table")).hasCount(0);
        Accessibility.assertNoViolations(page, "a withheld aggregate");
    }

    @Test
    void anOrgAdminAndAProgrammeAdminReachTheirAggregatesByEdition() {
        signInAt("/organisation/assessment.html", "orgadmin");
        assertThat(heading("Your staff")).isVisible();
        assertThat(page.locator("#aggregate")).containsText("Professional Standards for Teachers and Trainers in "
                + "England (2022)");
        Accessibility.assertNoViolations(page, "an organisation's aggregate");
        context.clearCookies();

        signInAt("/admin/assessment.html", ExchangeApi.PROGRAMME_ADMIN);
        page.getByLabel("Network").selectOption(network.get("id").asString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).nth(1).click();
        assertThat(heading(network.get("name").asString())).isFocused();
        assertThat(page.locator("#aggregate")).containsText("(2022)");
        Accessibility.assertNoViolations(page, "a network's aggregate");
        assertFitsAPhone("/admin/assessment.html");
    }

    /** A group of the demo facilitator with members who each submitted a baseline rating every standard 4. */
    private JsonNode groupWithBaselines(String name, int members) {
        JsonNode group = exchange.formingGroup(network.get("id").asString(), name, 12);
        String groupId = group.get("id").asString();
        List<String> ratings = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(n -> ratings.add("etf-2022-%02d".formatted(n)));
        for (int i = 0; i < members; i++) {
            MembershipApi.Person person = membership.newPractitioner("Member" + i, "org-westmid-college");
            String token = membership.tokenFor(person.username());
            membership.call("POST", "/api/exchange/groups/" + groupId + "/members", token, null, 201);
            membership.call("PUT", "/api/assessment/me/draft", token, Map.of("kind", "BASELINE",
                    "ratings", ratings.stream().map(id -> Map.of("standardId", id, "score", 4)).toList(),
                    "focusStandards", List.of("etf-2022-01")), 200);
            membership.call("POST", "/api/assessment/me/draft/submit", token, null, 200);
        }
        String facilitator = exchange.token(ExchangeApi.FACILITATOR);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                membership.call("GET", "/api/assessment/aggregates/groups/" + groupId, facilitator, null, 200)
                        .get("people").asInt()).isEqualTo(members));
        return group;
    }

    /** Tabs until the element matching the selector has focus, as a keyboard user would. */
    private void tabTo(String selector) {
        for (int presses = 0; presses < 200; presses++) {
            if ((Boolean) page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /** Rates a standard with the keyboard: Tab into its radio group, Space picks 1, ArrowRight moves up. */
    private void rateWithTheKeyboard(int number, int score, boolean focus) {
        String id = "etf-2022-%02d".formatted(number);
        tabTo("input[name='score-" + id + "']");
        page.keyboard().press("Space");
        for (int step = 1; step < score; step++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(page.locator("input[name='score-" + id + "'][value='" + score + "']")).isChecked();
        if (focus) {
            tabTo("#focus-" + id);
            page.keyboard().press("Space");
            assertThat(page.locator("#focus-" + id)).isChecked();
        }
    }
}

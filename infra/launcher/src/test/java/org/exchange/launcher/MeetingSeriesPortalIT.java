package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.exchange.engines.MailEngine.ReceivedMail;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A meeting series in a real browser against the whole platform (issue 16): the facilitator schedules three of their
 * group's meetings in one form, a member registers for all of the group's meetings with one button and sees a place at
 * each, and one mail lists the three meetings. Pages are checked against WCAG 2.2 AA with axe-core, and at 375 px.
 */
class MeetingSeriesPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SUBJECT = "3 new meetings scheduled for your group";

    @Test
    void aFacilitatorSchedulesThreeMeetingsAtOnceAndAMemberRegistersForAllOfThemWithOneButton() {
        ExchangeApi exchange = new ExchangeApi(platform);
        MembershipApi membership = new MembershipApi(platform);
        MembershipApi.Person sam = membership.newPractitioner("Sam", "org-westmid-college");
        // membership-service (and so notification-service) knows her address once she is seen
        exchange.call("GET", "/api/membership/me", sam.username(), null, 200);
        JsonNode network = exchange.network("Telford Professional Exchange " + ExchangeApi.unique(), "West Midlands",
                "Telford", 52.6766, -2.4469);
        String suffix = ExchangeApi.unique();
        String groupId = exchange.formingGroup(network.get("id").asString(), "Fractions series " + suffix, 10)
                .get("id").asString();
        exchange.join(groupId, sam.username());
        List<String> titles = List.of("Fractions " + suffix + ": first trial", "Fractions " + suffix + ": review",
                "Fractions " + suffix + ": what works");

        // the facilitator adds a third row to the form and schedules the three meetings together
        signInAt("/facilitate/group.html?id=" + groupId, ExchangeApi.FACILITATOR);
        openSection("Schedule several meetings at once");
        Locator form = page.locator("#batch");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add another meeting")).click();
        for (int row = 0; row < titles.size(); row++) {
            Locator meeting = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions()
                    .setName("Meeting " + (row + 1)).setExact(true));
            meeting.getByLabel("Title").fill(titles.get(row));
            meeting.getByLabel("Date").fill(LocalDate.now().plusWeeks(2L * (row + 1)).toString());
        }
        assertThat(page.locator("#batch-count")).hasText("3 of at most 12 meetings.");
        form.getByLabel("Online link").fill("https://meet.example.org/fractions-" + suffix);
        Accessibility.assertNoViolations(page, "the facilitator's form for several meetings");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule these meetings")).click();
        assertThat(page.locator("#scheduled-together")).containsText("Scheduled 3 meetings");
        for (String title : titles) {
            assertThat(page.locator("#meetings")).containsText(title);
        }
        screenshot("meeting-series-scheduled");
        assertFitsAPhone("/facilitate/group.html?id=" + groupId);

        // the member registers for all of them at once
        context.clearCookies();
        signInAt("/groups/group.html?id=" + groupId, sam.username());
        assertThat(page.getByTestId("series-state")).containsText("You register for each meeting on its own");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register for all meetings")).click();
        assertThat(page.locator("#group-status")).containsText("You are registered for all of");
        assertThat(page.getByTestId("series-state")).containsText("Registered for all meetings");
        for (String title : titles) {
            assertThat(page.locator("li.card").filter(new Locator.FilterOptions().setHasText(title))
                    .getByTestId("registration")).hasText("You are registered");
        }
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Stop registering for all meetings"))).isVisible();
        screenshot("meeting-series-registered");
        Accessibility.assertNoViolations(page, "a group's page, registered for all its meetings");
        assertFitsAPhone("/groups/group.html?id=" + groupId);

        // one mail told her of the three meetings
        ReceivedMail mail = awaitOneMail(sam.email(), SUBJECT);
        org.assertj.core.api.Assertions.assertThat(mail.text()).contains(titles.get(0), titles.get(1), titles.get(2),
                "/groups/group.html?id=" + groupId);
        org.assertj.core.api.Assertions.assertThat(mailsTo(sam.email()).stream()
                .filter(each -> each.subject().startsWith("New group meeting"))).isEmpty();
    }

    private static ReceivedMail awaitOneMail(String address, String subject) {
        await().atMost(PATIENCE).until(() -> mailsTo(address, subject).size() == 1);
        // and no second one follows
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> mailsTo(address, subject).size() == 1);
        return mailsTo(address, subject).getFirst();
    }

    private static List<ReceivedMail> mailsTo(String address, String subject) {
        return mailsTo(address).stream().filter(mail -> mail.subject().equals(subject)).toList();
    }

    private static List<ReceivedMail> mailsTo(String address) {
        return platform.mail().mailsTo(address);
    }
}

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
 * group's meetings in one form, two at the link for all of them and one held elsewhere (chosen with the keyboard), a
 * member registers for all of the group's meetings with one button and sees a place at each, one mail lists the three
 * meetings and one more her three places. Pages are checked against WCAG 2.2 AA with axe-core, and at 375 px.
 */
class MeetingSeriesPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SUBJECT = "3 new meetings scheduled for your group";
    private static final String REGISTERED = "You are registered for all of your group's meetings (3 meetings)";

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
        String shared = "https://meet.example.org/fractions-" + suffix;
        String elsewhere = "https://meet.example.org/what-works-" + suffix;
        form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Where the meetings are"))
                .getByLabel("Online link").fill(shared);
        // the third is held elsewhere: its own link, starting from the one for all
        Locator third = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Meeting 3")
                .setExact(true));
        Locator ownWhere = form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions()
                .setName("Where meeting 3 is"));
        assertThat(ownWhere).isHidden();
        third.getByLabel("Held elsewhere").focus();
        page.keyboard().press("Space");
        assertThat(ownWhere).isVisible();
        assertThat(ownWhere.getByLabel("Online link")).hasValue(shared);
        ownWhere.getByLabel("Online link").fill(elsewhere);
        Accessibility.assertNoViolations(page, "the facilitator's form for several meetings, one held elsewhere");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Schedule these meetings")).click();
        assertThat(page.locator("#scheduled-together")).containsText("Scheduled 3 meetings");
        for (String title : titles) {
            assertThat(page.locator("#meetings")).containsText(title);
        }
        screenshot("meeting-series-scheduled");
        assertFitsAPhone("/facilitate/group.html?id=" + groupId);
        page.setViewportSize(375, 740);
        openSection("Schedule several meetings at once");
        form.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Meeting 1").setExact(true))
                .getByLabel("Held elsewhere").check();
        assertShownFitsAPhone("the form for several meetings, one held elsewhere");
        page.setViewportSize(1280, 900);

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

        // one mail told her of the three meetings, where each is
        ReceivedMail mail = awaitOneMail(sam.email(), SUBJECT);
        org.assertj.core.api.Assertions.assertThat(mail.text()).contains(titles.get(0), titles.get(1), titles.get(2),
                "/groups/group.html?id=" + groupId, "online at " + shared, "online at " + elsewhere);
        org.assertj.core.api.Assertions.assertThat(mailsTo(sam.email()).stream()
                .filter(each -> each.subject().startsWith("New group meeting"))).isEmpty();
        // and one more of her three places
        ReceivedMail registered = awaitOneMail(sam.email(), REGISTERED);
        org.assertj.core.api.Assertions.assertThat(registered.text()).contains("Your place is confirmed at",
                titles.get(0), titles.get(1), titles.get(2));
        org.assertj.core.api.Assertions.assertThat(mailsTo(sam.email()).stream()
                .filter(each -> each.subject().startsWith("Your place is confirmed"))).isEmpty();
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

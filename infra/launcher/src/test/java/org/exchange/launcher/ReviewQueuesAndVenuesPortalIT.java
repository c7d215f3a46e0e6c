package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.exchange.launcher.MembershipApi.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16, items 7 and 8, in a real browser: what one person sees agrees with what another sees of the same thing.
 * An erased practitioner's application and unpaid invoice leave the programme admin's memberships page; a partner's
 * venues are the same on its partnership page and in a facilitator's venue picker; an organisation's staff
 * participation names everyone its staff attendance names.
 */
class ReviewQueuesAndVenuesPortalIT extends BrowserTest {

    private static final String COLLEGE = "org-westmid-college";
    private static final String COLLEGE_NAME = "Westmid College";

    static MembershipApi membership;
    static ExchangeApi exchange;

    @BeforeAll
    static void connect() {
        membership = new MembershipApi(platform);
        exchange = new ExchangeApi(platform);
    }

    /**
     * Item 7: an application stayed APPLIED after its practitioner erased their data, so the programme admin went on
     * reviewing someone who had asked to be forgotten (membership-service's erasure now withdraws it, and cancels an
     * unpaid first year's invoice).
     */
    @Test
    void anErasedPractitionersApplicationAndUnpaidInvoiceLeaveTheProgrammeAdminsMembershipsPage() {
        Person applicant = membership.newPractitioner("Iris", COLLEGE);
        String evidence = "Ran action learning sets in a prison education department for four years "
                + UUID.randomUUID();
        String applicationId = membership.applied(applicant, evidence).get("id").asString();
        Person approved = membership.newPractitioner("Uma", COLLEGE);
        JsonNode awaitingPayment = membership.approveEligibility(
                membership.applied(approved, "Trained as a peer coach " + UUID.randomUUID()).get("id").asString(),
                "Peer coaching and facilitation evidenced");
        String number = awaitingPayment.get("invoice").get("number").asString();

        signInAt("/admin/memberships.html", "programmeadmin");
        Locator application = page.locator("li[data-membership='" + applicationId + "']");
        assertThat(application).containsText(applicant.name());
        assertThat(application).containsText(evidence);
        assertThat(page.locator("li[data-invoice='" + number + "']")).containsText(approved.name());

        // Iris erases her data from her profile page; Uma through the API
        context.clearCookies();
        signInAt("/membership/profile.html", applicant.username());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase my data…")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, erase my data")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("Your data was erased"))).isFocused();
        membership.call("POST", "/api/membership/me/erasure", membership.tokenFor(approved.username()), null, 200);

        context.clearCookies();
        signInAt("/admin/memberships.html", "programmeadmin");
        assertThat(heading("To review")).isVisible();
        assertThat(page.locator("#reviews")).not().containsText("Loading");
        assertThat(page.locator("#payments")).not().containsText("Loading");
        assertThat(page.locator("li[data-membership='" + applicationId + "']")).hasCount(0);
        assertThat(page.locator("li.card").filter(new Locator.FilterOptions().setHasText(evidence))).hasCount(0);
        assertThat(page.locator("li[data-invoice='" + number + "']")).hasCount(0);
        // the page loaded what it lists: no error in place of either list
        assertThat(page.getByRole(AriaRole.ALERT)).hasCount(0);
        screenshot("admin-memberships-after-erasure");
        Accessibility.assertNoViolations(page, "the memberships page after an applicant's erasure");

        String token = membership.tokenFor("programmeadmin");
        org.assertj.core.api.Assertions.assertThat(membership.call("GET", "/api/membership/admin/memberships/"
                + applicationId, token, null, 200).get("status").asString()).isEqualTo("REJECTED");
        org.assertj.core.api.Assertions.assertThat(membership.call("GET", "/api/membership/admin/memberships/"
                + awaitingPayment.get("id").asString(), token, null, 200).get("status").asString())
                .isEqualTo("REJECTED");
    }

    /**
     * Item 8, venues: the college's partnership page said "No venue offered yet" beside the venue facilitators picked
     * (the demo's Hall Green campus, known to exchange-service alone), and a facilitator's picker offered only the
     * venues earlier meetings had used, never one a partner had just offered.
     */
    @Test
    void aVenueAnOrgAdminOffersIsListedByTheirOrganisationAndOfferedInTheFacilitatorsVenuePicker() {
        String venue = "Learning Centre " + ExchangeApi.unique();
        signInAt("/organisation/partnership.html", "orgadmin");
        openSection("Venues");
        Locator offer = page.locator("#venue-form");
        Map.of("Name of the venue", venue, "Address", "Westmid College, Station Road, Wolverhampton",
                "Postcode", "WV1 1AA", "How many people it seats", "30", "Access", "Step-free entrance")
                .forEach((label, value) -> offer.getByLabel(label).fill(value));
        offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Offer venue")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText(venue + " is offered to the programme."))).isVisible();
        Locator listed = page.locator("li[data-venue]");
        assertThat(listed.filter(new Locator.FilterOptions().setHasText(venue))).containsText("Seats 30.");
        // the venue the demo programme's meetings are held at is the college's too
        assertThat(listed.filter(new Locator.FilterOptions().setHasText("Westmid College, Hall Green campus")))
                .hasCount(1);
        assertThat(page.getByText("No venue offered yet.")).hasCount(0);
        Accessibility.assertNoViolations(page, "the partnership page with the venues offered");
        Set<String> offeredByTheCollege = new TreeSet<>(listed.locator("h3").allTextContents());

        // exchange-service learns of the offer from membership's event
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(exchange.call("GET", "/api/exchange/venues",
                        ExchangeApi.FACILITATOR, null, 200).valueStream().map(v -> v.get("name").asString()))
                        .contains(venue));
        JsonNode network = exchange.network("Shropshire Professional Exchange " + ExchangeApi.unique(),
                "West Midlands", "Shrewsbury", 52.7070, -2.7540);
        JsonNode group = exchange.formingGroup(network.get("id").asString(),
                "Feedback in construction " + ExchangeApi.unique(), 12);

        context.clearCookies();
        signInAt("/facilitate/group.html?id=" + group.get("id").asString(), ExchangeApi.FACILITATOR);
        openSection("Schedule a meeting");
        Locator picker = page.locator("#schedule-when-venueId");
        assertThat(picker.locator("option").filter(new Locator.FilterOptions().setHasText(venue)))
                .hasText(venue + " (" + COLLEGE_NAME + ", 30 seats)");
        Set<String> pickedFromTheCollege = new TreeSet<>();
        Pattern ofTheCollege = Pattern.compile("(.+) \\(" + Pattern.quote(COLLEGE_NAME) + ", \\d+ seats\\)");
        for (String option : picker.locator("option").allTextContents()) {
            Matcher matcher = ofTheCollege.matcher(option.trim());
            if (matcher.matches()) {
                pickedFromTheCollege.add(matcher.group(1));
            }
        }
        org.assertj.core.api.Assertions.assertThat(pickedFromTheCollege)
                .as("the college's venues in the facilitator's picker and on its partnership page")
                .isEqualTo(offeredByTheCollege);
        Accessibility.assertNoViolations(page, "the facilitator's group page with the venue picker");

        // and the facilitator schedules a meeting there
        String title = "Meeting 1: first drafts " + ExchangeApi.unique();
        page.locator("#schedule-title").fill(title);
        page.locator("#schedule-when-date").fill(LocalDate.now().plusDays(14).toString());
        picker.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                venue + " (" + COLLEGE_NAME + ", 30 seats)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the meeting")).click();
        assertThat(page.locator("#scheduled")).containsText("Scheduled \"" + title + "\"");
        assertThat(page.locator("#meetings")).containsText(venue);
        screenshot("facilitator-meeting-at-offered-venue");
    }

    /**
     * Item 8, staff: an organisation's staff attendance (exchange-service) named people its staff participation
     * (membership-service) did not list, such as the demo's Ben, who lived in exchange-service's directory alone.
     */
    @Test
    void everyoneAnOrganisationsStaffAttendanceNamesIsOnItsStaffParticipationPage() {
        Person member = membership.newPractitioner("Tess", COLLEGE);
        // her first call registers her in membership-service, with the college her sign-in names
        membership.call("GET", "/api/membership/me", membership.tokenFor(member.username()), null, 200);
        LocalDate today = LocalDate.now(ZoneId.of(ExchangeApi.ZONE));
        JsonNode network = exchange.network("Herefordshire Professional Exchange " + ExchangeApi.unique(),
                "West Midlands", "Hereford", 52.0560, -2.7160);
        JsonNode group = exchange.formingGroupSince(network.get("id").asString(),
                "Questioning in construction " + ExchangeApi.unique(), today.minusDays(30));
        String groupId = group.get("id").asString();
        exchange.join(groupId, member.username());
        // attendance takes the person's organisation from what exchange-service knows of them: wait until it knows her
        String practitionerId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> exchange.call("GET", "/api/exchange/groups/" + groupId + "/members",
                                ExchangeApi.FACILITATOR, null, 200).valueStream()
                        .filter(m -> member.name().equals(m.get("displayName").asString()))
                        .map(m -> m.get("practitionerId").asString()).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        String title = "Meeting 1: questions that open " + ExchangeApi.unique();
        JsonNode meeting = exchange.pastMeeting(group, title, today.minusDays(3).atTime(16, 0), 90);
        exchange.call("PUT", "/api/exchange/meetings/" + meeting.get("id").asString() + "/attendance",
                ExchangeApi.FACILITATOR, Map.of("attendees", List.of(Map.of("practitionerId", practitionerId,
                        "role", "ATTENDEE", "minutes", 90))), 200);

        signInAt("/groups/organisation-attendance.html", "orgadmin");
        Locator attendance = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Staff attendance"));
        assertThat(attendance.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title)))
                .containsText(member.name());
        Set<String> attended = new TreeSet<>(attendance.locator("tbody th").allTextContents());
        // someone erased stays counted without a name; participation leaves erased people out
        attended.remove("Former participant");
        org.assertj.core.api.Assertions.assertThat(attended).contains(member.name(), "Ben Practitioner");
        screenshot("organisation-staff-attendance");
        Accessibility.assertNoViolations(page, "the staff attendance page");

        open("/organisation/staff.html");
        assertThat(heading("Your staff")).isVisible();
        Locator staff = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Staff participation"));
        assertThat(staff).containsText(member.email());
        Set<String> participating = new TreeSet<>(staff.locator("tbody tr td:first-child").allTextContents());
        org.assertj.core.api.Assertions.assertThat(participating)
                .as("the staff participation page lists everyone the staff attendance page names")
                .containsAll(attended);
        screenshot("organisation-staff-participation");
        Accessibility.assertNoViolations(page, "the staff participation page");
    }
}

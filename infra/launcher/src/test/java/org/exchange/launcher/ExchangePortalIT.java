package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The exchange pages of the portal in a real browser against the whole platform: finding the nearest network without
 * signing in, joining a group, registering for a meeting, a facilitator recording and correcting attendance, and a
 * group's outcome published by its facilitator and found in the public library by someone who is not signed in; two
 * members discussing in their group's space, its facilitator pinning the thread, marking a reply as what works and
 * hiding a reported post, carrying a reply marked what works into the group's outcome draft, and a post of script
 * shown as words that run nothing; two Learning Exchange members in its own space, one mentioning the other with the
 * mention picker and linking a resource, while someone who is not a member finds no such space.
 * Every page visited is checked against WCAG 2.2 AA with axe-core.
 */
class ExchangePortalIT extends BrowserTest {

    /** The finder knows Hereford at these coordinates (exchange-service's gazetteer). */
    private static final double HEREFORD_LATITUDE = 52.0565;
    private static final double HEREFORD_LONGITUDE = -2.7160;

    static ExchangeApi exchange;
    static JsonNode network;

    @BeforeAll
    static void aNetworkInHereford() {
        exchange = new ExchangeApi(platform);
        network = exchange.network("Herefordshire Professional Exchange " + ExchangeApi.unique(), "West Midlands",
                "Hereford", HEREFORD_LATITUDE, HEREFORD_LONGITUDE);
    }

    @Test
    void anyoneFindsTheNearestNetworkFromATownWithoutSigningIn() {
        JsonNode group = exchange.formingGroup(network.get("id").asString(), "Hereford maths " + ExchangeApi.unique(), 12);
        String online = "Hereford online launch " + ExchangeApi.unique();
        exchange.onlineNetworkEvent(network.get("id").asString(), online, LocalDate.now().plusDays(9).atTime(10, 0));
        // the finder's map is drawn from the portal's own outlines: no request may leave for a tile server (or anywhere)
        List<String> elsewhere = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().startsWith("http") && !request.url().startsWith(url("/"))) {
                elsewhere.add(request.url());
            }
        });
        page.setViewportSize(375, 800);
        open("/");
        // on a phone the navigation is one menu button, not rows of links
        Locator navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
        Locator findLink = navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Find an exchange"));
        assertThat(findLink).isHidden();
        Locator menu = navigation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Menu"));
        menu.click();
        assertThat(menu).hasAttribute("aria-expanded", "true");
        findLink.click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Find an exchange").setLevel(1)))
                .isVisible();
        Accessibility.assertNoViolations(page, "the finder");

        page.getByLabel("Town or city").fill("Hereford");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

        String networkName = network.get("name").asString();
        String networkPage = ".*/groups/events\\.html\\?networkId=" + network.get("id").asString();
        Locator networks = page.locator("#results h3:has-text('Networks') + ol > li");
        assertThat(networks.first()).containsText(networkName);
        assertThat(networks.first()).containsText("0.0 km");
        assertThat(networks.first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(networkName)))
                .hasAttribute("href", Pattern.compile(networkPage));
        assertThat(page.locator("#results-summary")).isFocused();
        assertThat(page.locator("#results h3:has-text('Groups') + ol")).containsText(group.get("name").asString());
        // an online event says so, never a distance, and is a link too
        Locator onlineEvent = page.locator("#results h3:has-text('Upcoming events') + ol > li",
                new Page.LocatorOptions().setHasText(online));
        assertThat(onlineEvent.locator(".distance")).hasText("Online");
        assertThat(onlineEvent).not().containsText(" km");
        assertThat(onlineEvent.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(online)))
                .hasAttribute("href", Pattern.compile(networkPage + "#meeting-.*"));

        // the map: the UK's outlines drawn from the portal's own file, a key, and markers that are named links
        Locator map = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("On the map"));
        Locator outlines = map.locator(".leaflet-outlines-pane path");
        outlines.first().waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        org.assertj.core.api.Assertions.assertThat(outlines.count()).as("outlines of the UK's regions and nations")
                .isGreaterThanOrEqualTo(12);
        assertThat(map.getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("Key to the map")))
                .containsText("A network");
        Locator marker = map.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(networkName + " (network)"));
        assertThat(marker).hasAttribute("href", Pattern.compile(networkPage));
        // online events are in the list, not placed on the map at their network
        assertThat(map.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(online))).hasCount(0);
        // the keyboard reaches the markers after the lists, and a focused marker shows its name
        page.locator(".finder-lists a").last().focus();
        for (int presses = 0; presses < 12 && !isFocused(marker); presses++) {
            page.keyboard().press("Tab");
        }
        assertThat(marker).isFocused();
        org.assertj.core.api.Assertions.assertThat(marker.locator(".map-marker-name").boundingBox().width)
                .as("the focused marker's name, shown").isGreaterThan(40);
        screenshot("exchange-finder-map-marker-focused-on-a-phone");
        org.assertj.core.api.Assertions.assertThat(elsewhere).as("requests to servers other than the portal")
                .isEmpty();
        Accessibility.assertNoViolations(page, "the finder's results");
        assertNoHorizontalScrolling("the finder's results");
        screenshot("exchange-finder-results-on-a-phone");
        // at a desktop's width the map stands beside the lists
        page.setViewportSize(1280, 900);
        marker.focus();
        screenshot("exchange-finder-results-on-a-desktop");

        // a place the gazetteer does not know is explained next to the field, and focus goes to the summary
        page.getByLabel("Town or city").fill("Atlantis");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        assertThat(page.locator(".error-summary")).isFocused();
        assertThat(page.locator(".error-summary")).containsText("not a town or city we know");

        // the online event's link leads a visitor to the network's events, shown without signing in, the event among
        // them, and a way to sign in to register instead of a Register button
        page.getByLabel("Town or city").fill("Hereford");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
        onlineEvent.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(online)).click();
        assertThat(page).hasURL(Pattern.compile(networkPage + "#meeting-.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Network events").setLevel(1)))
                .isVisible();
        assertThat(page.getByTestId("events")).containsText(online);
        assertThat(page.getByTestId("sign-in-to-register")).isVisible();
        assertThat(page.getByTestId("events").getByRole(AriaRole.BUTTON)).hasCount(0);
        Accessibility.assertNoViolations(page, "a network's events, for a visitor");
        org.assertj.core.api.Assertions.assertThat(elsewhere).as("requests to servers other than the portal")
                .isEmpty();
    }

    @Test
    void aPractitionerJoinsAGroupAndRecordsATrialOfItsActionResearch() {
        String name = "Fractions circle " + ExchangeApi.unique();
        JsonNode group = exchange.activeGroup(network.get("id").asString(), name, 8);
        signIn(ExchangeApi.PRACTITIONER);

        open("/groups/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Groups").setLevel(1)))
                .isVisible();
        Accessibility.assertNoViolations(page, "the groups page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join " + name).setExact(true)).click();

        assertThat(page.locator("#groups-status")).containsText("You joined " + name);
        assertThat(page.getByTestId("my-groups")).containsText(name);
        screenshotAtBothWidths("exchange-groups-joined");

        page.getByTestId("my-groups").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1))).isVisible();
        assertThat(page.getByTestId("group-places")).containsText("1 of 8 taken");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave the group"))).isVisible();

        page.getByLabel("Method you are trying").fill("Peer marking against success criteria");
        page.getByLabel("What you hope it changes").fill("Learners spot their own errors in fraction arithmetic");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the trial")).click();
        assertThat(page.locator("#research")).containsText("Peer marking against success criteria");
        Accessibility.assertNoViolations(page, "a group's page");
        org.assertj.core.api.Assertions.assertThat(exchange.call("GET", "/api/exchange/groups/" + group.get("id").asString(), ExchangeApi.PRACTITIONER,
                null, 200).get("members").asInt()).isEqualTo(1);
    }

    @Test
    void someoneWaitingForAPlaceSeesTheGroupAsWaitingWithTheirPositionNotAsAMember() {
        String name = "Full maths circle " + ExchangeApi.unique();
        JsonNode group = exchange.activeGroup(network.get("id").asString(), name, 1);
        exchange.join(group.get("id").asString(), ExchangeApi.PROGRAMME_ADMIN);
        exchange.join(group.get("id").asString(), ExchangeApi.PRACTITIONER);
        signIn(ExchangeApi.PRACTITIONER);

        open("/groups/");
        Locator card = page.getByTestId("my-groups").locator("li").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(card.getByTestId("my-standing")).containsText("On the waitlist: number 1");
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Leave the waitlist " + name)))
                .isVisible();
        assertThat(card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Leave " + name)
                .setExact(true))).hasCount(0);
        Accessibility.assertNoViolations(page, "a group the person waits for");
    }

    @Test
    void aMemberRegistersForAMeetingAndCancelsTheirRegistration() {
        String name = "Algebra exchange " + ExchangeApi.unique();
        JsonNode group = exchange.formingGroup(network.get("id").asString(), name, 10);
        exchange.join(group.get("id").asString(), ExchangeApi.PRACTITIONER);
        String title = "Meeting 1: what makes algebra stick " + ExchangeApi.unique();
        JsonNode meeting = exchange.onlineMeeting(group, title,
                LocalDate.now().plusDays(10).atTime(16, 0), 120);
        signIn(ExchangeApi.PRACTITIONER);

        open("/groups/group.html?id=" + group.get("id").asString());
        Locator card = page.locator("#meeting-" + meeting.get("id").asString());
        assertThat(card).containsText("20 of 20 places left");
        // any meeting card adds the meeting to a calendar, as a file
        Locator meetingCard = card;
        com.microsoft.playwright.Download download = page.waitForDownload(() -> meetingCard.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Add to calendar for " + title)).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".ics");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register for " + title)).click();

        assertThat(card.getByTestId("registration")).containsText("You are registered");
        assertThat(card).containsText("19 of 20 places left");
        assertThat(page.locator("#group-status")).containsText("You are registered for " + title);
        screenshotAtBothWidths("exchange-meeting-registered");
        screenshotAtBothWidths(card, "exchange-meeting-card");
        Accessibility.assertNoViolations(page, "a group's meetings");

        open("/dashboard.html");
        assertThat(page.locator("li.card", new Page.LocatorOptions().setHasText("Your upcoming meetings")))
                .containsText(title);
        Accessibility.assertNoViolations(page, "the dashboard with the exchange cards");

        open("/groups/group.html?id=" + group.get("id").asString());
        card = page.locator("#meeting-" + meeting.get("id").asString());
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel my registration for " + title))
                .click();
        assertThat(card).containsText("20 of 20 places left");
        assertThat(card.getByTestId("registration")).hasCount(0);
    }

    @Test
    void aFacilitatorRecordsAttendanceAndCorrectsItWithAReasonKeptInTheHistory() throws Exception {
        // the practitioner's profile in membership-service tells exchange-service their name and organisation
        exchange.call("GET", "/api/membership/me", ExchangeApi.PRACTITIONER, null, 200);
        JsonNode group = exchange.formingGroup(network.get("id").asString(), "Reading for ESOL " + ExchangeApi.unique(), 10);
        exchange.join(group.get("id").asString(), ExchangeApi.PRACTITIONER);
        // attendance is recorded once a meeting has started, and a meeting is scheduled in the future: one that
        // starts in a few seconds
        LocalDateTime startsAt = LocalDateTime.now(ZoneId.of(ExchangeApi.ZONE)).plusSeconds(20)
                .truncatedTo(ChronoUnit.SECONDS);
        Instant start = startsAt.atZone(ZoneId.of(ExchangeApi.ZONE)).toInstant();
        JsonNode meeting = exchange.onlineMeeting(group, "Meeting 1: reading circles", startsAt, 60);
        exchange.register(meeting.get("id").asString(), ExchangeApi.PRACTITIONER);
        signIn(ExchangeApi.FACILITATOR);

        open("/facilitate/groups.html");
        assertThat(page.getByTestId("run-groups")).containsText(group.get("name").asString());
        Accessibility.assertNoViolations(page, "the facilitator's groups");
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), start).toMillis() + 1_000));

        open("/facilitate/meeting.html?id=" + meeting.get("id").asString());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Meeting 1: reading circles")
                .setLevel(1))).isVisible();
        assertThat(page.locator("#registrations")).containsText("Confirmed");
        page.locator("#role-0").selectOption("ATTENDEE");
        page.locator("#minutes-0").fill("45");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();

        assertThat(page.locator("#attendance-saved")).containsText("Attendance saved for 1 person");
        Locator recorded = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Attendance recorded"));
        assertThat(recorded).containsText("Attendee");
        assertThat(recorded).containsText("45");
        // the meeting says it is taking place and who attended, no longer "Scheduled" and "0 of 20 registered"
        assertThat(page.getByTestId("meeting-status")).hasText("Taking place now");
        assertThat(page.getByTestId("meeting-places")).hasText("1 attended");
        Accessibility.assertNoViolations(page, "recording attendance");

        // a correction without a reason is refused, explained, and focus goes to the summary (the reason is required
        // once a recorded line changes: PortalIT)
        page.locator("#minutes-0").fill("55");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        assertThat(page.locator("#attendance-form .error-summary")).isFocused();
        assertThat(page.locator("#attendance-form .error-summary")).containsText("Enter reason for a correction");
        // the earlier success is gone once the new answer is an error
        assertThat(page.locator("#attendance-saved")).not().containsText("Attendance saved");
        // a reason needed for a correction is never labelled "(optional)"
        assertThat(page.locator("label[for=attendance-correctionReason]")).not().containsText("optional");
        Accessibility.assertNoViolations(page, "a refused correction");

        page.getByLabel("Reason for a correction").fill("Arrived ten minutes earlier than first noted");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        assertThat(page.locator("#attendance-saved")).containsText("Attendance saved");
        assertThat(recorded).containsText("55");
        page.locator("details.history summary").first().click();
        Locator history = page.locator("details.history").first();
        assertThat(history).containsText("first record");
        assertThat(history).containsText("Arrived ten minutes earlier than first noted");
        screenshot("exchange-attendance-corrected");
        Accessibility.assertNoViolations(page, "the attendance history");
        assertFitsAPhone("/facilitate/meeting.html?id=" + meeting.get("id").asString());
        assertFitsAPhone("/facilitate/group.html?id=" + group.get("id").asString());

        // the practitioner's organisation admin sees it among their staff's attendance
        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page orgAdmin = other.newPage();
            orgAdmin.navigate(url("/groups/organisation-attendance.html"));
            orgAdmin.locator("#username").fill("orgadmin");
            orgAdmin.locator("#password").fill("demo");
            orgAdmin.locator("#kc-login").click();
            assertThat(orgAdmin).hasURL(Pattern.compile(".*/groups/organisation-attendance\\.html$"));
            Locator staff = orgAdmin.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Staff attendance"));
            assertThat(staff).containsText("Meeting 1: reading circles");
            assertThat(staff).containsText("Attendee");
            Accessibility.assertNoViolations(orgAdmin, "an organisation's staff attendance");
        }
    }

    @Test
    void aFacilitatorActivatesTheirGroupPublishesItsOutcomeAndAnyoneFindsItInTheLibrary() {
        String name = "Digital skills for adult learners " + ExchangeApi.unique();
        JsonNode group = exchange.formingGroup(network.get("id").asString(), name, 10);
        LocalDate first = LocalDate.now().plusDays(7);
        for (int n = 1; n <= 3; n++) {
            exchange.onlineMeeting(group, "Meeting " + n, first.plusWeeks(4L * (n - 1)).atTime(16, 0), 90);
        }
        signIn(ExchangeApi.FACILITATOR);
        open("/facilitate/group.html?id=" + group.get("id").asString());
        assertThat(page.getByTestId("group-status")).hasText("forming");

        // three meetings are not enough: the rule is shown, not just a failure
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate the group")).click();
        assertThat(page.getByTestId("lifecycle-problem")).containsText("at least 4 meetings");
        Accessibility.assertNoViolations(page, "a group's lifecycle refused");

        openSection("Schedule a meeting");
        page.locator("#schedule-title").fill("Meeting 4: sharing what worked");
        page.locator("#schedule-when-date").fill(first.plusWeeks(12).toString());
        page.locator("#schedule-when-onlineUrl").fill("https://meet.example.org/meeting-4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the meeting")).click();
        assertThat(page.locator("#scheduled")).containsText("Scheduled \"Meeting 4: sharing what worked\"");
        assertThat(page.locator("#meetings")).containsText("Meeting 4: sharing what worked");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate the group")).click();
        assertThat(page.getByTestId("group-status")).hasText("active");

        String title = "Blended digital skills: a case study " + ExchangeApi.unique();
        fillTheOutcome("CASE_STUDY", title, "How short screencasts helped adult learners practise at home.",
                "Femi Facilitator, Priya Practitioner", "https://outcomes.example.org/blended-digital-skills.pdf");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the outcome")).click();
        assertThat(page.locator("#published")).containsText("Published \"" + title + "\"");
        screenshot("exchange-outcome-published");
        Accessibility.assertNoViolations(page, "running a group");

        // someone who is not signed in finds it in the public library
        try (BrowserContext visitor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page anyone = visitor.newPage();
            anyone.bringToFront(); // focus is asserted below: the visitor's page is the active one
            anyone.navigate(url("/library.html"));
            assertThat(anyone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)))
                    .isVisible();
            anyone.getByLabel("Search words").fill(title);
            anyone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search the library")).click();
            assertThat(anyone.locator("#results-heading")).isFocused();
            anyone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
            assertThat(anyone.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1)))
                    .isVisible();
            assertThat(anyone.getByTestId("outcome-kind")).hasText("Case study");
            assertThat(anyone.getByTestId("outcome-authors")).hasText("Femi Facilitator, Priya Practitioner");
            assertThat(anyone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the outcome " + title)))
                    .hasAttribute("href", "https://outcomes.example.org/blended-digital-skills.pdf");
            anyone.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "exchange-library-outcome.png")));
            Accessibility.assertNoViolations(anyone, "an outcome in the library");
            anyone.navigate(url("/library.html?q=" + title.replace(' ', '+')));
            assertThat(anyone.locator("#library-results")).containsText(title);
            Accessibility.assertNoViolations(anyone, "the library's results");
        }
    }

    @Test
    void aProgrammeAdminCreatesANetworkAndSeesTheGroupsAndTheReport() {
        signIn(ExchangeApi.PROGRAMME_ADMIN);
        open("/admin/networks.html");
        String name = "Marches Professional Exchange " + ExchangeApi.unique();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.locator("#network-placeName").fill("Shrewsbury");
        page.locator("#network-placeName").dispatchEvent("change");
        page.locator("#network-region").fill("West Midlands");
        // the lead organisation is chosen by its name, and shown by its name, never its id
        page.getByLabel("Lead organisation").selectOption(new SelectOption().setLabel("Westmid College"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the network")).click();
        assertThat(page.locator("#created")).containsText("Created the network \"" + name + "\"");
        Locator networks = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Networks"));
        assertThat(networks).containsText(name);
        assertThat(networks.locator("tr", new Locator.LocatorOptions().setHasText(name))).containsText("Westmid College");
        Accessibility.assertNoViolations(page, "networks and cycles");

        exchange.call("POST", "/api/exchange/groups", ExchangeApi.FACILITATOR, Map.of(
                "networkId", network.get("id").asString(), "name", "Proposed SEND group " + ExchangeApi.unique(),
                "kind", "THEMATIC", "area", "SEND", "challenge", "Adapting resources for learners with SEND",
                "capacity", 10, "plannedStart", LocalDate.now().plusDays(30).toString(),
                "plannedEnd", LocalDate.now().plusDays(30).plusMonths(8).toString()), 201);
        open("/admin/exchange-groups.html");
        assertThat(page.locator("#groups")).containsText("Proposed SEND group");
        // "All networks" and any status: the programme's running groups too, not only those waiting to be opened
        assertThat(page.locator("#filters-status")).hasValue("");
        assertThat(page.locator("#groups")).containsText("Active");
        Accessibility.assertNoViolations(page, "the programme's groups");

        open("/admin/exchange-report.html");
        assertThat(page.getByTestId("report-summary")).containsText("Practitioners involved");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the groups as CSV")))
                .hasAttribute("href", "/api/exchange/reports/programme.csv");
        screenshot("exchange-programme-report");
        Accessibility.assertNoViolations(page, "the programme report");

        // one network's groups, a page of 25 at a time, the page said in a live region, paged by the keyboard
        JsonNode paged = exchange.network("Cumbria Professional Exchange " + ExchangeApi.unique(), "North West",
                "Carlisle", 54.8925, -2.9329);
        for (int n = 1; n <= 26; n++) {
            exchange.formingGroup(paged.get("id").asString(), "Paged group %02d".formatted(n), 8);
        }
        open("/admin/exchange-report.html");
        page.locator("#report-networkId").selectOption(new SelectOption().setLabel(paged.get("name").asString()));
        Locator status = page.locator("#groups-status");
        Locator groups = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Groups").setExact(true));
        assertThat(status).hasAttribute("role", "status");
        assertThat(status).hasText("Groups 1 to 25 of 26, page 1 of 2.");
        assertThat(page.getByTestId("report-summary")).containsText("26");
        assertThat(groups.locator("tbody tr")).hasCount(25);
        assertThat(groups.locator("tbody tr").first()).containsText("Paged group 01");
        Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page of groups"));
        next.focus();
        page.keyboard().press("Enter");
        assertThat(status).hasText("Groups 26 to 26 of 26, page 2 of 2.");
        assertThat(groups.locator("tbody tr")).hasCount(1);
        assertThat(groups).containsText("Paged group 26");
        assertThat(page.locator("#groups-heading")).isFocused();
        assertThat(next).hasCount(0);
        Accessibility.assertNoViolations(page, "the programme report's second page of groups");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Previous page of groups")).click();
        assertThat(status).hasText("Groups 1 to 25 of 26, page 1 of 2.");
        assertThat(groups.locator("tbody tr").first()).containsText("Paged group 01");
        page.setViewportSize(375, 740);
        assertShownFitsAPhone("the programme report's groups");
        screenshot("exchange-programme-report-groups-on-a-phone");
        page.setViewportSize(1280, 900);

        // the programme admin's tables on a phone: scrolling inside their own region, no word broken into letters
        for (String path : List.of("/admin/networks.html", "/admin/exchange-groups.html", "/admin/exchange-events.html",
                "/admin/exchange-report.html")) {
            assertFitsAPhone(path);
        }
    }

    @Test
    void aProgrammeAdminSchedulesALaunchEventAPractitionerRegistersAndTheEventIsRescheduled() {
        String title = "Herefordshire launch event " + ExchangeApi.unique();
        LocalDate day = LocalDate.now().plusDays(20);
        signIn(ExchangeApi.PROGRAMME_ADMIN);
        open("/admin/exchange-events.html");
        page.locator("#event-networkId").selectOption(new SelectOption().setLabel(network.get("name").asString()));
        page.locator("#event-kind").selectOption("LAUNCH_EVENT");
        page.locator("#event-title").fill(title);
        page.locator("#event-when-date").fill(day.toString());
        page.locator("#event-when-onlineUrl").fill("https://meet.example.org/launch");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule the event")).click();
        assertThat(page.locator("#scheduled")).containsText("Scheduled \"" + title + "\"");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Network events coming up")))
                .containsText(title);
        Accessibility.assertNoViolations(page, "scheduling network events");

        try (BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page practitioner = other.newPage();
            // the events page is open to anyone: a visitor signs in from it to register, and comes back to it
            practitioner.navigate(url("/groups/events.html"));
            practitioner.getByTestId("sign-in-to-register").getByRole(AriaRole.LINK).click();
            practitioner.locator("#username").fill(ExchangeApi.PRACTITIONER);
            practitioner.locator("#password").fill("demo");
            practitioner.locator("#kc-login").click();
            assertThat(practitioner).hasURL(Pattern.compile(".*/groups/events\\.html$"));
            Locator card = practitioner.locator("li.card", new Page.LocatorOptions().setHasText(title));
            assertThat(card).containsText("Launch event");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Register for " + title)).click();
            assertThat(card.getByTestId("registration")).containsText("You are registered");
            Accessibility.assertNoViolations(practitioner, "the network events");
        }

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrations and changes for " + title)).click();
        assertThat(page.locator("#registrations")).containsText("Confirmed");
        page.locator("#reschedule-when-date").fill(day.plusDays(7).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reschedule the meeting")).click();
        assertThat(page.locator("#changed")).containsText("Rescheduled to");
        assertThat(page.getByTestId("meeting-when"))
                .containsText(day.plusDays(7).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        screenshot("exchange-event-rescheduled");
        Accessibility.assertNoViolations(page, "rescheduling an event");

        // the finder tells the new date, never the old one
        open("/finder.html?place=Hereford");
        Locator found = page.locator("#results li", new Page.LocatorOptions().setHasText(title));
        assertThat(found).containsText(day.plusDays(7).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        assertThat(found).not().containsText(day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        // an online event says so instead of a distance, and leads to where one registers for it
        assertThat(found.locator(".distance")).hasText("Online");
        assertThat(found.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)))
                .hasAttribute("href", Pattern.compile(".*/groups/events\\.html\\?networkId=.*#meeting-.*"));
    }

    @Test
    void twoMembersDiscussInTheirGroupsSpaceAndTheFacilitatorPinsTheThreadAndMarksAReplyAsWhatWorks() {
        String name = "Fractions talk " + ExchangeApi.unique();
        String groupId = aGroupWithTwoMembers(name);
        String title = "Fraction walls with adult learners " + ExchangeApi.unique();

        // a member opens the group's discussion from the group's page and starts a thread
        switchTo(ExchangeApi.PRACTITIONER, "/groups/group.html?id=" + groupId);
        page.getByTestId("group-discussion").click();
        assertThat(heading("Discussion: " + name)).isVisible();
        assertThat(page.getByTestId("space-unread")).hasText("Nothing unread.");
        Accessibility.assertNoViolations(page, "a group's discussion with no thread");
        page.locator("#thread-title").fill(title);
        page.locator("#thread-text").fill("Has anyone tried **fraction walls** with adults?\n\n- printed\n- on screen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the thread")).click();
        assertThat(page.locator("#discussion-status .notice")).containsText("Thread started: \"" + title + "\"");
        assertThat(page.locator("#discussion-status .notice")).isFocused();
        assertThat(page.getByTestId("threads")).containsText(title);
        Accessibility.assertNoViolations(page, "a group's discussion with a thread");

        // the other member sees the thread unread, reads it, finds it helpful and replies
        switchTo(ExchangeApi.ASSESSOR, "/groups/discussion.html?group=" + groupId);
        Locator thread = page.getByTestId("threads").locator("li", new Locator.LocatorOptions().setHasText(title));
        assertThat(thread.getByTestId("thread-unread")).hasText("1 unread");
        thread.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
        assertThat(heading(title)).isVisible();
        Locator opening = post("Priya Practitioner");
        assertThat(opening.getByTestId("post-new")).hasText("New");
        // the Markdown arrives as the server's sanitised HTML: emphasis and a list, not asterisks
        assertThat(opening.locator(".post-body strong")).hasText("fraction walls");
        assertThat(opening.locator(".post-body li")).hasCount(2);
        Locator helpful = opening.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Helpful (0) for the post by Priya Practitioner"));
        helpful.click();
        Locator marked = opening.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Helpful (1) for the post by Priya Practitioner"));
        assertThat(marked).hasAttribute("aria-pressed", "true");
        assertThat(marked).isFocused();
        String replyText = "Printed walls worked better: learners folded them to compare thirds and quarters.";
        page.getByLabel("Your reply").fill(replyText);
        // a file of a type a post cannot carry is refused at the field, before anything is sent
        Locator files = page.getByLabel("Files");
        assertThat(files).hasAttribute("aria-describedby", "reply-files-hint");
        files.setInputFiles(new com.microsoft.playwright.options.FilePayload("tool.exe", "application/octet-stream",
                new byte[] { 'M', 'Z', 0, 0 }));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the reply")).click();
        assertThat(files).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#reply-files-error")).containsText("tool.exe is not one of the allowed types");
        byte[] wall = "Fraction wall: 1, 1/2, 1/3, 1/4\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        files.setInputFiles(new com.microsoft.playwright.options.FilePayload("fraction wall.txt", "text/plain", wall));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the reply")).click();
        assertThat(page.locator("#thread-status")).containsText("Your reply is posted.");
        assertThat(post("Asha Assessor")).containsText(replyText);
        assertThat(post("Asha Assessor").locator("article")).isFocused();
        // the reply lists its file as a download link with its name and size, served as an attachment
        Locator file = post("Asha Assessor").getByTestId("post-files").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("fraction wall.txt"));
        assertThat(post("Asha Assessor").getByTestId("post-files")).containsText("(" + wall.length + " bytes)");
        com.microsoft.playwright.APIResponse download = page.request()
                .get((String) file.evaluate("link => link.href"));
        org.assertj.core.api.Assertions.assertThat(download.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(download.body()).isEqualTo(wall);
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-disposition")).startsWith("attachment");
        org.assertj.core.api.Assertions.assertThat(download.headers().get("x-content-type-options")).isEqualTo("nosniff");
        var size = page.viewportSize();
        page.setViewportSize(375, 740);
        org.assertj.core.api.Assertions.assertThat(phoneProblems()).as("a discussion thread with a file, on a phone")
                .isEmpty();
        page.setViewportSize(size.width, size.height);
        Accessibility.assertNoViolations(page, "a discussion thread with a reply");

        // the facilitator pins the thread and marks the reply as what works
        switchTo(ExchangeApi.FACILITATOR, page.url().substring(page.url().indexOf("/groups/")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pin the thread")).click();
        assertThat(page.getByTestId("thread-pinned")).hasText("Pinned");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unpin the thread"))).isFocused();
        post("Asha Assessor").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Mark as what works for the post by Asha Assessor")).click();
        assertThat(post("Asha Assessor").getByTestId("post-what-works")).hasText("What works");
        assertThat(post("Asha Assessor").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Take off what works for the post by Asha Assessor"))).isFocused();
        // the opening post is no reply: it cannot be marked
        assertThat(post("Priya Practitioner").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("what works")))).hasCount(0);
        // ... and carries it into the group's outcome draft, quoted with who said it; nothing is published
        post("Asha Assessor").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Add to the outcome draft for the post by Asha Assessor")).click();
        assertThat(page.locator("#thread-status .notice")).containsText("quoted in the group's outcome draft");
        screenshot("exchange-discussion-what-works");
        Accessibility.assertNoViolations(page, "a thread as its facilitator sees it");
        assertFitsAPhone(page.url().substring(page.url().indexOf("/groups/")));

        open("/facilitate/group.html?id=" + groupId);
        assertThat(page.getByTestId("outcome-draft").locator("blockquote")).containsText(replyText);
        openSection("Publish the group's outcome");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use in the summary (quotation 1)")).click();
        assertThat(page.locator("#publish-summary")).isFocused();
        org.assertj.core.api.Assertions.assertThat(page.locator("#publish-summary").inputValue())
                .startsWith("> " + replyText).contains("\u2014 ");
        Accessibility.assertNoViolations(page, "a group's outcome draft with a quotation from its discussion");

        // the thread is listed first, pinned, and found by the words of its reply
        open("/groups/discussion.html?group=" + groupId);
        Locator first = page.getByTestId("threads").locator("li").first();
        assertThat(first).containsText(title);
        assertThat(first).containsText("Pinned");
        page.getByLabel("Search words").fill("folding quarters");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search the discussion")).click();
        assertThat(page.locator("#threads-heading")).hasText("Threads matching \"folding quarters\"");
        assertThat(page.locator("#threads-heading")).isFocused();
        assertThat(page.getByTestId("threads")).containsText(title);
        Accessibility.assertNoViolations(page, "searching a discussion");
        assertFitsAPhone("/groups/discussion.html?group=" + groupId);

        // back in the thread, the first member sees the reply as new and as what works
        switchTo(ExchangeApi.PRACTITIONER, "/groups/discussion.html?group=" + groupId);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(post("Asha Assessor").getByTestId("post-new")).hasText("New");
        assertThat(post("Asha Assessor").getByTestId("post-what-works")).hasText("What works");
        assertThat(post("Priya Practitioner").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName(Pattern.compile("^Helpful")))).hasCount(0);
        assertThat(post("Priya Practitioner")).containsText("Helpful to 1");

        // the network's page leads to the network's discussion, for everyone who takes part in its groups
        open("/groups/events.html?networkId=" + network.get("id").asString());
        page.getByTestId("network-discussion-link").click();
        assertThat(heading("Discussion: " + network.get("name").asString())).isVisible();
        Accessibility.assertNoViolations(page, "a network's discussion");
    }

    @Test
    void learningExchangeMembersDiscussInTheirOwnSpaceMentioningEachOtherWithThePickerAndLinkingAResource() {
        MembershipApi membership = new MembershipApi(platform);
        MembershipApi.Person lena = membership.newPractitioner("Lena", "org-westmid-college");
        MembershipApi.Person omar = membership.newPractitioner("Omar", "org-westmid-college");
        membership.activeMember(lena);
        membership.activeMember(omar);
        // exchange-service learns who the members are from membership-service's events, and their names
        String lenaToken = membership.tokenFor(lena.username());
        org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    HttpResponse space = get("/api/exchange/learning-exchange/discussion", lenaToken);
                    if (space.status() != 200) return false;
                    String spaceId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(space.body())
                            .get("id").asString();
                    return get("/api/exchange/discussions/" + spaceId + "/members", lenaToken).body()
                            .contains(omar.name());
                });
        String title = "Signposting new ESOL tutors " + ExchangeApi.unique();

        // the dashboard leads a member to the Learning Exchange's discussion
        signIn(lena.username());
        page.getByTestId("discussion-learning_exchange").click();
        assertThat(heading("Discussion: The Learning Exchange")).isVisible();
        Accessibility.assertNoViolations(page, "the Learning Exchange's discussion");

        // typing @ and the start of a name offers the members; Enter inserts the mention the server reads
        page.locator("#thread-title").fill(title);
        Locator text = page.locator("#thread-text");
        text.fill("Where do you send new tutors? ");
        text.press("End");
        text.pressSequentially("@Om");
        Locator options = page.getByRole(AriaRole.LISTBOX, new Page.GetByRoleOptions().setName("Members to mention"))
                .getByRole(AriaRole.OPTION);
        assertThat(options).hasText(new String[] {omar.name()});
        assertThat(text).hasAttribute("aria-activedescendant", options.first().getAttribute("id"));
        Accessibility.assertNoViolations(page, "the mention picker open under a post's text box");
        screenshot("learning-exchange-mention-picker");
        text.press("Enter");
        assertThat(text).hasValue("Where do you send new tutors? @" + omar.name() + " ");
        assertThat(page.getByRole(AriaRole.LISTBOX)).hasCount(0);
        text.pressSequentially("what do you think?");

        // a resource link: an address that is not https is refused beside its field, then a good one is kept
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a link")).click();
        assertThat(page.getByLabel("Link 1 address")).isFocused();
        page.getByLabel("Link 1 address").fill("http://example.org/esol-guide");
        page.getByLabel("Link 1 title").fill("ESOL signposting guide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the thread")).click();
        assertThat(page.locator("#thread .error-summary")).containsText("Link 1 address: Enter an address that starts "
                + "with https://");
        assertThat(page.getByLabel("Link 1 address")).hasAttribute("aria-invalid", "true");
        Accessibility.assertNoViolations(page, "a post form with a link refused");
        page.getByLabel("Link 1 address").fill("https://example.org/esol-guide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the thread")).click();
        assertThat(page.locator("#discussion-status .notice")).containsText("Thread started: \"" + title + "\"");
        assertFitsAPhone("/groups/discussion.html?learning-exchange");

        // the other member reads it: mentioned by name, with the resource linked
        switchTo(omar.username(), "/groups/discussion.html?learning-exchange");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        Locator opening = post(lena.name());
        assertThat(opening.locator(".post-body")).containsText("@" + omar.name());
        assertThat(opening.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ESOL signposting guide")))
                .hasAttribute("href", "https://example.org/esol-guide");
        Accessibility.assertNoViolations(page, "a thread of the Learning Exchange's discussion");

        // someone who is not a member finds no such space, and no link to it
        switchTo(ExchangeApi.PRACTITIONER, "/groups/discussion.html?learning-exchange");
        assertThat(page.locator("#page .notice.error")).containsText("This discussion");
        open("/dashboard.html");
        assertThat(page.getByTestId("discussion-learning_exchange")).hasCount(0);
    }

    private record HttpResponse(int status, String body) {
    }

    private static HttpResponse get(String path, String token) {
        java.net.http.HttpResponse<String> response = MembershipApi.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.settings().gatewayUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET());
        return new HttpResponse(response.statusCode(), response.body());
    }

    @Test
    void aPostOfScriptRunsNothingAMemberReportsItAndTheFacilitatorHidesItWithAReason() {
        String name = "Behaviour circle " + ExchangeApi.unique();
        String groupId = aGroupWithTwoMembers(name);
        JsonNode space = exchange.call("GET", "/api/exchange/groups/" + groupId + "/discussion",
                ExchangeApi.PRACTITIONER, null, 200);
        JsonNode thread = exchange.call("POST", "/api/exchange/discussions/" + space.get("id").asString() + "/threads",
                ExchangeApi.PRACTITIONER, Map.of("title", "Evening classes " + ExchangeApi.unique(),
                        "text", "What settles a group that arrives tired after work?"), 201);
        String threadPage = "/groups/thread.html?id=" + thread.get("id").asString();
        List<String> dialogs = new java.util.concurrent.CopyOnWriteArrayList<>();
        // on the context, so that it stays with every page the test opens
        context.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });

        // a member posts the OWASP XSS filter evasion examples through the reply form: a few that would leave a flag
        // on window if they ran, then every example SafeMarkdownTest renders one by one on the server
        switchTo(ExchangeApi.ASSESSOR, threadPage);
        List<String> reply = new java.util.ArrayList<>(List.of("A few tricks I have seen in the wild:",
                "<script>window.xssRan = 'script'; alert('XSS')</script>",
                "<IMG SRC=x onerror=\"window.xssRan = 'img'; alert(1)\">",
                "<svg/onload=\"window.xssRan = 'svg'\">",
                "<a href=\"javascript:window.xssRan = 'link'\">a link</a> and [a Markdown link](javascript:alert('XSS'))"));
        reply.addAll(xssFilterEvasionExamples());
        page.getByLabel("Your reply").fill(String.join("\n\n", reply));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post the reply")).click();
        assertThat(post("Asha Assessor")).containsText("A few tricks I have seen in the wild");
        assertNothingRanNorWasInjected(dialogs, "the reply as posted");

        // read afresh by the other member: the same, and they report it
        switchTo(ExchangeApi.PRACTITIONER, threadPage);
        Locator posted = post("Asha Assessor");
        // the markup is shown as the words it is, never as elements
        assertThat(posted.locator(".post-body")).containsText("<script>window.xssRan");
        posted.locator(".post-body").hover();
        posted.getByText("a link").first().click();
        assertNothingRanNorWasInjected(dialogs, "the reply read by another member");
        Accessibility.assertNoViolations(page, "a thread with a post of markup");
        posted.getByText("Report this post").click();
        posted.getByLabel("Why you report it").fill("It is full of script, please take it down.");
        posted.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the report")).click();
        assertThat(page.locator("#thread-status")).containsText("your report reached the programme admins");
        assertThat(posted.getByTestId("post-reported")).isFocused();
        String postId = posted.getAttribute("id").substring("post-".length());

        // the programme admins see the report, by the group's name, and it leads to the post
        switchTo(ExchangeApi.PROGRAMME_ADMIN, "/admin/discussion-reports.html");
        Locator report = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                .setName("Reports nobody has acted on yet")).locator("tr", new Locator.LocatorOptions()
                .setHasText("It is full of script, please take it down."));
        assertThat(report).containsText("The group " + name);
        assertThat(report.getByRole(AriaRole.LINK)).hasAttribute("href", Pattern.compile(".*#post-" + postId));
        Accessibility.assertNoViolations(page, "the reported posts");

        // the facilitator hides it with a reason, which everyone then reads in its place
        switchTo(ExchangeApi.FACILITATOR, threadPage);
        posted = post("Asha Assessor");
        posted.getByText("Hide this post").click();
        posted.getByLabel("Reason for hiding").fill("Markup that does not belong in a discussion");
        posted.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hide the post")).click();
        assertThat(posted.getByTestId("post-hidden"))
                .hasText("A facilitator hid this post. Reason: Markup that does not belong in a discussion");
        assertThat(posted.getByTestId("post-hidden")).isFocused();
        assertThat(posted.locator(".post-body")).hasCount(0);
        assertThat(page.locator("#thread-status")).containsText("The post by Asha Assessor is hidden.");
        screenshot("exchange-discussion-post-hidden");
        Accessibility.assertNoViolations(page, "a thread with a hidden post");
        org.assertj.core.api.Assertions.assertThat(exchange.call("GET", "/api/exchange/discussion-reports?limit=500",
                ExchangeApi.PROGRAMME_ADMIN, null, 200).toString()).doesNotContain(postId);
        assertNothingRanNorWasInjected(dialogs, "the thread as its facilitator sees it");
    }

    /**
     * The XSS filter evasion examples exchange-service's SafeMarkdownTest renders on the server
     * ({@code exchange-service/src/test/resources/xss-filter-evasion-examples.txt}: one a line, {@code \n} a line
     * break, {@code #} a comment).
     */
    private static List<String> xssFilterEvasionExamples() {
        Path examples = platform.settings().root()
                .resolve("exchange-service/src/test/resources/xss-filter-evasion-examples.txt");
        try {
            List<String> attacks = java.nio.file.Files.readAllLines(examples).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n")).toList();
            org.assertj.core.api.Assertions.assertThat(attacks).as("the examples in %s", examples)
                    .hasSizeGreaterThan(60);
            return attacks;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A forming group of the facilitator's with the practitioner and the assessor as members, known by name. */
    private String aGroupWithTwoMembers(String name) {
        String groupId = exchange.formingGroup(network.get("id").asString(), name, 8).get("id").asString();
        for (String member : List.of(ExchangeApi.PRACTITIONER, ExchangeApi.ASSESSOR)) {
            // their profile in membership-service tells exchange-service their name
            exchange.call("GET", "/api/membership/me", member, null, 200);
            exchange.join(groupId, member);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(exchange.call("GET", "/api/exchange/groups/" + groupId
                        + "/members", ExchangeApi.FACILITATOR, null, 200).toString())
                        .contains("Priya Practitioner", "Asha Assessor"));
        return groupId;
    }

    /**
     * The same browser page, now as someone else: signed out of everything, signed in again (at the dashboard: the
     * sign-in's check of the address it returns to takes no query) and on to the path.
     */
    private void switchTo(String username, String path) {
        context.clearCookies();
        signIn(username);
        open(path);
    }

    /** A post of the thread on the page, by its author's name. */
    private Locator post(String author) {
        return page.getByTestId("posts").locator(":scope > li").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(author))));
    }

    /** No script of a post ran (no dialog, no flag on window) and nothing but the allowed elements is in the posts. */
    private void assertNothingRanNorWasInjected(List<String> dialogs, String where) {
        org.assertj.core.api.Assertions.assertThat(dialogs).as("dialogs opened on %s", where).isEmpty();
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.xssRan === undefined"))
                .as("a post's script ran on %s", where).isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(page.evaluate("""
                () => [...document.querySelectorAll('[data-testid=posts] .post-body *')]
                  .filter(node => !['P', 'BR', 'EM', 'STRONG', 'UL', 'OL', 'LI', 'CODE', 'PRE', 'BLOCKQUOTE', 'A']
                                    .includes(node.tagName)
                    || [...node.attributes].some(a => !['href', 'rel'].includes(a.name))
                    || (node.hasAttribute('href') && !/^(https:|mailto:)/i.test(node.getAttribute('href'))))
                  .map(node => node.outerHTML)""")).as("elements injected by a post on %s", where)
                .isEqualTo(List.of());
    }

    private void signIn(String username) {
        signInAt("/dashboard.html", username);
    }


    private static boolean isFocused(Locator element) {
        return (Boolean) element.evaluate("node => node === document.activeElement");
    }

    private void assertNoHorizontalScrolling(String what) {
        int overflow = ((Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling on %s", what).isLessThanOrEqualTo(0);
    }

}

package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The portal in a real browser (Debian's Chromium, driven by Playwright) against the platform the launcher starts:
 * signing in on Keycloak's own page, signing in as a partner college's member through the college's identity provider
 * brokered into the platform realm, and signing out of both.
 */
class PortalIT extends BrowserTest {

    @Test
    void aPractitionerSignsInOnKeycloaksPageAndLandsOnTheirDashboard() {
        // a normal page asks nothing that the platform refuses (no 4xx in the console, such as a 403 for the
        // organisation's record or a 404 for a membership not applied for yet)
        java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400 && response.url().contains("/api/")) {
                refused.add(response.status() + " " + response.url());
            }
        });
        open("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first().click();

        signInOnKeycloak("practitioner", "demo");

        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"));
        assertThat(page.getByTestId("person")).hasText("Priya Practitioner");
        // the profile card comes from membership-service, through the gateway with the session's token
        assertThat(page.getByText("practitioner@demo.exchange.test")).isVisible();
        // the organisation's name, never its id
        assertThat(page.getByTestId("organisation")).hasText("Westmid College");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Priya")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programme admin"))).hasCount(0);
        // the notifications button's name holds its visible words and number (WCAG 2.5.3)
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Notifications \\d+ unread$")))).isVisible();
        // the next step in their journey: one stage of five is marked, and the sentence above names its action
        Locator journey = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Your journey"));
        assertThat(journey.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(3))).hasText(
                new Pattern[] {Pattern.compile("^1\\. Join"), Pattern.compile("^2\\. Self-assess"),
                        Pattern.compile("^3\\. Work in groups"), Pattern.compile("^4\\. Earn the award"),
                        Pattern.compile("^5\\. Keep up membership")});
        Locator next = journey.locator("[aria-current=step]");
        assertThat(next).hasCount(1);
        assertThat(next.getByRole(AriaRole.LINK)).hasCount(1);
        assertThat(journey.getByTestId("next-step")).hasText("Your next step: "
                + next.getByRole(AriaRole.LINK).textContent() + ".");
        screenshot("practitioner-dashboard");
        Accessibility.assertNoViolations(page, "the dashboard");
        page.setViewportSize(375, 740);
        screenshot("practitioner-dashboard-on-a-phone");
        org.assertj.core.api.Assertions.assertThat(phoneProblems()).as("the dashboard at 375 px").isEmpty();
        page.setViewportSize(1280, 900);
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        org.assertj.core.api.Assertions.assertThat(refused).as("API calls the dashboard made that were refused")
                .isEmpty();
        open("/notifications.html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setLevel(1)))
                .isVisible();
        Accessibility.assertNoViolations(page, "the notifications page");
    }

    /**
     * Issue 16, item 1: the demo programme was written straight to exchange-service's tables, so the demo practitioner
     * attended a dozen meetings that never reached their CPD record (0 hours). Loaded through the use cases, each
     * attendance is an event that membership-service counts.
     */
    @Test
    void theDemoPractitionersAttendedMeetingsAreInTheirCpdRecord() {
        signInAt("/membership/cpd.html", "practitioner");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            reload();
            String total = page.getByTestId("cpd-total").textContent();
            return total != null && !total.startsWith("0 hours");
        });
        // each attended meeting is an activity of its own, marked as coming from the platform
        assertThat(page.locator(".tag").filter(new Locator.FilterOptions().setHasText("Attended")).first())
                .isVisible();
        screenshot("demo-practitioner-cpd");
    }

    /**
     * Issue 16, item 9: the evidence link's hint says https, and the API now refuses anything else, naming the field;
     * and a refusal replaces the success told for the activity logged before it, never stands beside it.
     */
    @Test
    void aCpdEvidenceLinkThatIsNotHttpsIsRefusedOnItsFieldAndTheEarlierSuccessGoes() {
        signInAt("/membership/cpd.html", "practitioner");
        String title = "Questioning course " + java.util.UUID.randomUUID().toString().substring(0, 8);
        page.getByLabel("What you did").fill(title);
        page.getByLabel("Hours").fill("2");
        page.getByLabel("Link to evidence").fill("https://example.org/certificates/1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log activity")).click();
        Locator logged = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("Logged “" + title + "”."));
        assertThat(logged).isVisible();

        page.getByLabel("What you did").fill(title + ", day two");
        page.getByLabel("Hours").fill("2");
        page.getByLabel("Link to evidence").fill("http://example.org/certificates/2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log activity")).click();
        Locator summary = page.locator("#log-form .error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Link to evidence: must be an https address");
        assertThat(page.getByLabel("Link to evidence")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#log-form .field-error")).containsText("must be an https address");
        assertThat(logged).hasCount(0);
        screenshot("cpd-evidence-link-refused");
        Accessibility.assertNoViolations(page, "a CPD activity refused for its http link");
    }

    /**
     * Issue 16, item 9: the reason for a correction was marked neither optional nor required. It is required as soon as
     * a line recorded before changes, so the browser tells it before anything is sent, and the success told for the
     * first record goes when the error shows.
     */
    @Test
    void aReasonIsRequiredOnceAnAttendanceLineRecordedBeforeChanges() {
        ExchangeApi exchange = new ExchangeApi(platform);
        JsonNode network = exchange.network("Worcestershire Professional Exchange " + ExchangeApi.unique(),
                "West Midlands", "Worcester", 52.1920, -2.2200);
        LocalDate today = LocalDate.now(ZoneId.of(ExchangeApi.ZONE));
        JsonNode group = exchange.formingGroupSince(network.get("id").asString(),
                "Questioning in maths " + ExchangeApi.unique(), today.minusDays(30));
        exchange.join(group.get("id").asString(), ExchangeApi.PRACTITIONER);
        JsonNode meeting = exchange.pastMeeting(group, "Meeting 1: wait time", today.minusDays(2).atTime(16, 0), 90);
        signInAt("/dashboard.html", ExchangeApi.FACILITATOR);
        open("/facilitate/meeting.html?id=" + meeting.get("id").asString());
        page.locator("#role-0").selectOption("ATTENDEE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        assertThat(page.locator("#attendance-saved")).containsText("Attendance saved for 1 person");

        Locator reason = page.getByLabel("Reason for a correction");
        assertThat(reason).not().hasAttribute("required", "");
        assertThat(page.locator("label[for=attendance-correctionReason]")).not().containsText("optional");
        page.locator("#minutes-0").fill("60");
        assertThat(reason).hasAttribute("required", "");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        Locator summary = page.locator("#attendance-form .error-summary");
        assertThat(summary).isFocused();
        assertThat(summary).containsText("Enter reason for a correction");
        assertThat(reason).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#attendance-saved")).not().containsText("Attendance saved");
        Accessibility.assertNoViolations(page, "a correction without its reason");
    }

    /**
     * Programme history (issue 16): a facilitator records a meeting of their own group that took place ten days ago,
     * who attended it, and the group's outcome dated when it came out; the meeting says it took place and was recorded
     * afterwards, and the library finds the outcome under the year it came out.
     */
    @Test
    void aFacilitatorRecordsAMeetingThatTookPlaceItsAttendanceAndAnOutcomeDatedWhenItCameOut() {
        LocalDate today = LocalDate.now(ZoneId.of(ExchangeApi.ZONE));
        String name = "Questioning in ESOL " + ExchangeApi.unique();
        ExchangeApi exchange = new ExchangeApi(platform);
        JsonNode network = exchange.network("Staffordshire Professional Exchange " + ExchangeApi.unique(),
                "West Midlands", "Stafford", 52.8070, -2.1170);
        JsonNode group = exchange.formingGroupSince(network.get("id").asString(), name, today.minusDays(60));
        String groupId = group.get("id").asString();
        exchange.join(groupId, ExchangeApi.PRACTITIONER);
        for (int n = 2; n <= 4; n++) {
            exchange.onlineMeeting(group, "Meeting " + n, today.plusWeeks(3L * n).atTime(16, 0), 90);
        }
        signInAt("/dashboard.html", ExchangeApi.FACILITATOR);
        open("/facilitate/group.html?id=" + groupId);

        LocalDate tookPlace = today.minusDays(10);
        openSection("Record a meeting that took place");
        page.locator("#past-title").fill("Meeting 1: what stops questions");
        page.locator("#past-when-date").fill(tookPlace.toString());
        page.locator("#past-when-onlineUrl").fill("https://meet.example.org/questioning-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the meeting")).click();
        assertThat(page.locator("#recorded-past")).containsText("Recorded \"Meeting 1: what stops questions\"");
        Locator pastRow = page.locator("#meetings tr", new Page.LocatorOptions()
                .setHasText("Meeting 1: what stops questions"));
        String recordedToday = today.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK));
        assertThat(pastRow).containsText("Took place (recorded afterwards, ");
        assertThat(pastRow).containsText(recordedToday);
        Accessibility.assertNoViolations(page, "a meeting recorded afterwards on the group's page");

        page.locator("#recorded-past").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("record who attended")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Meeting 1: what stops questions").setLevel(1))).isVisible();
        assertThat(page.getByTestId("meeting-status")).containsText("Took place (recorded afterwards, ");
        assertThat(page.getByTestId("meeting-status")).containsText(recordedToday);
        page.locator("#role-0").selectOption("ATTENDEE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance")).click();
        assertThat(page.locator("#attendance-saved")).containsText("Attendance saved for 1 person");
        assertThat(page.getByTestId("meeting-places")).hasText("1 attended");
        screenshot("exchange-meeting-recorded-afterwards");
        Accessibility.assertNoViolations(page, "attendance of a meeting recorded afterwards");

        // with the meeting that took place, four are planned inside the span: the group becomes active
        open("/facilitate/group.html?id=" + groupId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate the group")).click();
        assertThat(page.getByTestId("group-status")).hasText("active");
        LocalDate cameOut = today.minusDays(3);
        String title = "What stops questions in ESOL classes " + ExchangeApi.unique();
        fillTheOutcome("REPORT", title, "Wait time and question stems doubled learners' questions.",
                "Femi Facilitator", "https://outcomes.example.org/questioning-esol.pdf");
        page.locator("#publish-publishedOn").fill(cameOut.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the outcome")).click();
        assertThat(page.locator("#published")).containsText("Published \"" + title + "\"");

        open("/library.html?year=" + cameOut.getYear() + "&q=" + title.replace(' ', '+'));
        Locator results = page.locator("#library-results");
        assertThat(results).containsText(title);
        assertThat(results).containsText(cameOut.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
        open("/library.html?year=" + (cameOut.getYear() - 1) + "&q=" + title.replace(' ', '+'));
        assertThat(page.locator("#library-results")).not().containsText(title);
        screenshot("exchange-library-outcome-by-year");
        Accessibility.assertNoViolations(page, "the library by year");
    }

    /**
     * Issue 16, item 3: every demo role goes through the pages its navigation and its sections lead to. No page asks
     * for something the platform refuses or cannot find (no 4xx or 5xx, no error in the console), and no page shows an
     * organisation by its id (org-...) instead of its name. Every page among them that shows a table is then opened
     * on a 375 px screen (with a past meeting's attendance, which no link on those pages reaches): it never scrolls
     * sideways, and each table fits or scrolls inside a region of its own that has a name and takes the keyboard focus,
     * without a word broken across lines.
     */
    @Test
    void everyRoleGoesThroughItsPagesWithoutARefusedRequestAConsoleErrorOrAnOrganisationsIdAndTheirTablesFitAPhone() {
        java.util.List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicReference<String> where = new java.util.concurrent.atomic.AtomicReference<>();
        context.onResponse(response -> {
            if (response.status() >= 400 && where.get() != null) {
                problems.add(where.get() + ": " + response.status() + " " + response.request().method() + " "
                        + response.url());
            }
        });
        context.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && where.get() != null) {
                problems.add(where.get() + ": console error " + message.text());
            }
        });
        Pattern organisationId = Pattern.compile("\\borg-[a-z0-9][a-z0-9-]*");
        java.util.Set<String> checkedOnAPhone = new java.util.TreeSet<>();
        for (String username : List.of("practitioner", "facilitator", "assessor", "orgadmin", "programmeadmin")) {
            context.clearCookies();
            where.set(null);
            signInAt("/dashboard.html", username);
            // the shell draws the navigation once it knows who is signed in
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Notifications"))).isVisible();
            java.util.Set<String> paths = new java.util.LinkedHashSet<>();
            java.util.Set<String> withTables = new java.util.LinkedHashSet<>();
            paths.add("/dashboard.html");
            paths.addAll(sameOriginPages("nav a"));
            for (String section : List.copyOf(paths)) {
                if (section.endsWith("/")) {
                    open(section);
                    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
                    page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                    paths.addAll(sameOriginPages("main a"));
                }
            }
            for (String path : paths) {
                where.set(username + " on " + path);
                open(path);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                String text = page.locator("body").innerText();
                java.util.regex.Matcher id = organisationId.matcher(text);
                if (id.find()) {
                    problems.add(where.get() + ": shows the organisation id " + id.group());
                }
                if (page.locator("main table").count() > 0) {
                    withTables.add(path);
                }
            }
            if (username.equals(ExchangeApi.FACILITATOR)) {
                withTables.add("/facilitate/meeting.html?id=" + aPastDemoMeetingFacilitatedBy(username));
            }
            page.setViewportSize(375, 740);
            for (String path : withTables) {
                where.set(username + " on " + path + " at 375 px");
                open(path);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                phoneProblems().forEach(problem -> problems.add(where.get() + ": " + problem));
                checkedOnAPhone.add(path.replaceAll("\\?.*", ""));
            }
            page.setViewportSize(1280, 900);
            where.set(null);
            System.out.println("[browser] " + username + " went through " + paths.size() + " pages: " + paths);
            org.assertj.core.api.Assertions.assertThat(paths).as("the pages %s reaches", username)
                    .contains("/dashboard.html", "/groups/", "/notifications.html").hasSizeGreaterThan(8);
        }
        System.out.println("[browser] pages with tables checked at 375 px: " + checkedOnAPhone);
        org.assertj.core.api.Assertions.assertThat(checkedOnAPhone).as("the pages with tables checked on a phone")
                .contains("/admin/membership-reports.html", "/admin/exchange-report.html", "/organisation/staff.html",
                        "/facilitate/meeting.html");
        org.assertj.core.api.Assertions.assertThat(problems).as("refused requests, console errors, organisation ids "
                + "and tables that do not fit a phone on the pages of each role").isEmpty();
    }

    /** A meeting of the demo programme that took place, in a group the person facilitates (with its attendance). */
    private String aPastDemoMeetingFacilitatedBy(String username) {
        ExchangeApi exchange = new ExchangeApi(platform);
        for (JsonNode group : exchange.call("GET", "/api/exchange/me/groups", username, null, 200)) {
            if (group.path("facilitates").asBoolean()) {
                for (JsonNode meeting : exchange.call("GET", "/api/exchange/meetings?includePast=true&groupId="
                        + group.get("id").asString(), username, null, 200)) {
                    if (meeting.get("attended").asInt() > 0) {
                        return meeting.get("id").asString();
                    }
                }
            }
        }
        throw new AssertionError(username + " facilitates no group with a meeting that took place");
    }

    /**
     * The portal's pages the links found by selector lead to, each page once (the first link to it, with its query, as
     * a page such as a group's needs its id), without a fragment, no API or sign-out.
     */
    @SuppressWarnings("unchecked")
    private java.util.List<String> sameOriginPages(String selector) {
        return ((java.util.List<String>) page.evaluate("""
                selector => [...new Map([...document.querySelectorAll(selector)]
                  .map(a => new URL(a.href, location.href))
                  .filter(u => u.origin === location.origin && !u.pathname.startsWith('/api/')
                    && !u.pathname.startsWith('/oauth2/') && !u.pathname.startsWith('/logout')
                    && (u.pathname.endsWith('/') || u.pathname.endsWith('.html')))
                  .reverse().map(u => [u.pathname, u.pathname + u.search])).values()]""", selector));
    }

    @Test
    void aPractitionerChoosesWhatReachesThemByEmailWithOneSwitchPerCategoryAndADailyDigest() {
        signInAt("/preferences.html", "practitioner");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What reaches you by e-mail")
                .setLevel(1))).isVisible();
        Locator outcomes = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions()
                .setName("Outcomes your groups publish"));
        Locator invoices = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions()
                .setName("Invoices and payment receipts"));
        // money matters are always e-mailed, and the page says why
        assertThat(invoices).isChecked();
        assertThat(invoices).isDisabled();
        Accessibility.assertNoViolations(page, "the e-mail choices");

        boolean before = outcomes.isChecked();
        outcomes.click();
        assertThat(page.locator("#preferences-status")).containsText("Outcomes your groups publish");
        reload();
        assertThat(outcomes).isChecked(new com.microsoft.playwright.assertions.LocatorAssertions.IsCheckedOptions()
                .setChecked(!before));
        outcomes.click(); // as it was, for the other tests of this platform
        assertThat(page.locator("#preferences-status")).containsText("Outcomes your groups publish");

        // the discussion digest: weekly unless chosen otherwise, made daily from its labelled list
        Locator digest = page.getByLabel("How often the discussion digest comes");
        assertThat(digest).hasValue("WEEKLY");
        digest.selectOption("DAILY");
        assertThat(page.locator("#preferences-status")).containsText("Discussion digest: daily, each morning.");
        reload();
        assertThat(digest).hasValue("DAILY");
        Accessibility.assertNoViolations(page, "the e-mail choices with the digest made daily");
        digest.selectOption("WEEKLY"); // as it was, for the other tests of this platform
        assertThat(page.locator("#preferences-status")).containsText("Discussion digest: weekly");
        assertFitsAPhone("/preferences.html");
    }

    @Test
    void anyoneVisitingAnAddressThePortalDoesNotHaveSeesItsNotFoundPageNotTheSignInPage() {
        open("/groups/no-such-group");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found").setLevel(1)))
                .isVisible();
        assertThat(page.locator("#username")).hasCount(0);
        Accessibility.assertNoViolations(page, "the not-found page of an unknown address");
    }

    @Test
    void thePublicPagesAreAccessibleAndWorkOnAPhoneSizedScreen() {
        page.setViewportSize(375, 740);
        for (String path : List.of("/", "/signed-out.html", "/error/404.html", "/error/503.html")) {
            open(path);
            assertThat(page.getByRole(AriaRole.HEADING).first()).isVisible();
            Accessibility.assertNoViolations(page, path);
            int overflow = ((Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
            org.assertj.core.api.Assertions.assertThat(overflow).as("horizontal scrolling on %s", path).isLessThanOrEqualTo(0);
        }
        screenshot("home-on-a-phone");
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        open("/");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(page.locator("main#main")).isFocused();
    }

    @Test
    void aProgrammeAdminSeesTheirSectionAndAPractitionerIsRefusedIt() {
        open("/admin/");
        signInOnKeycloak("programmeadmin", "demo");
        // after signing in, Keycloak brings the admin back to the section they asked for
        assertThat(page).hasURL(Pattern.compile(".*/admin/(index\\.html)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Programme administration")))
                .isVisible();
        assertThat(page.getByTestId("roles")).containsText("Programme admin");
        screenshot("programme-admin-section");

        // someone without the role, signed in, gets the portal's 403 page for the same address
        context.clearCookies();
        open("/admin/");
        signInOnKeycloak("practitioner", "demo");
        assertThat(heading("You are not allowed to see this page")).isVisible();
        Accessibility.assertNoViolations(page, "the 403 page");
    }

    @Test
    void aPartnerCollegesMemberSignsInWithTheirCollegeAccountAndSigningOutEndsBothSessions() {
        open("/dashboard.html");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Partner College"))).click();

        // the college's own sign-in page: its realm, its account, no platform password
        assertThat(page).hasURL(Pattern.compile(".*/realms/partner-college/.*"));
        signInOnKeycloak("partner", "demo");

        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"));
        assertThat(page.getByTestId("person")).hasText("Parveen Partner");
        assertThat(page.getByTestId("organisation")).hasText("Partner College");
        assertThat(page.getByText("partner@partner-college.test")).isVisible();
        screenshot("partner-college-dashboard");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/signed-out\\.html$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You have signed out")))
                .isVisible();
        screenshot("signed-out");

        // Both sessions are over: the platform asks again, and so does the college.
        open("/dashboard.html");
        assertThat(page).hasURL(Pattern.compile(".*/realms/exchange/.*"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Partner College"))).click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/partner-college/.*"));
        assertThat(page.locator("#username")).isVisible();
    }


}

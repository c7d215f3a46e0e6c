package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

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
        page.navigate(platform.settings().gatewayUrl() + "/");
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
        screenshot("practitioner-dashboard");
        Accessibility.assertNoViolations(page, "the dashboard");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        org.assertj.core.api.Assertions.assertThat(refused).as("API calls the dashboard made that were refused")
                .isEmpty();
        page.navigate(platform.settings().gatewayUrl() + "/notifications.html");
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
            page.reload();
            String total = page.getByTestId("cpd-total").textContent();
            return total != null && !total.startsWith("0 hours");
        });
        // each attended meeting is an activity of its own, marked as coming from the platform
        assertThat(page.locator(".tag").filter(new Locator.FilterOptions().setHasText("Attended")).first())
                .isVisible();
        screenshot("demo-practitioner-cpd");
    }

    @Test
    void aPractitionerChoosesWhatReachesThemByEmailWithOneSwitchPerCategory() {
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
        page.reload();
        assertThat(outcomes).isChecked(new com.microsoft.playwright.assertions.LocatorAssertions.IsCheckedOptions()
                .setChecked(!before));
        outcomes.click(); // as it was, for the other tests of this platform
        assertThat(page.locator("#preferences-status")).containsText("Outcomes your groups publish");
        assertFitsAPhone("/preferences.html");
    }

    @Test
    void anyoneVisitingAnAddressThePortalDoesNotHaveSeesItsNotFoundPageNotTheSignInPage() {
        page.navigate(platform.settings().gatewayUrl() + "/groups/no-such-group");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found").setLevel(1)))
                .isVisible();
        assertThat(page.locator("#username")).hasCount(0);
        Accessibility.assertNoViolations(page, "the not-found page of an unknown address");
    }

    @Test
    void thePublicPagesAreAccessibleAndWorkOnAPhoneSizedScreen() {
        page.setViewportSize(375, 740);
        for (String path : List.of("/", "/signed-out.html", "/error/404.html", "/error/503.html")) {
            page.navigate(platform.settings().gatewayUrl() + path);
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
        page.navigate(platform.settings().gatewayUrl() + "/");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(page.locator("main#main")).isFocused();
    }

    @Test
    void aProgrammeAdminSeesTheirSectionAndAPractitionerIsRefusedIt() {
        page.navigate(platform.settings().gatewayUrl() + "/admin/");
        signInOnKeycloak("programmeadmin", "demo");
        // after signing in, Keycloak brings the admin back to the section they asked for
        assertThat(page).hasURL(Pattern.compile(".*/admin/(index\\.html)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Programme administration")))
                .isVisible();
        assertThat(page.getByTestId("roles")).containsText("Programme admin");
        screenshot("programme-admin-section");

        // someone without the role, signed in, gets the portal's 403 page for the same address
        context.clearCookies();
        page.navigate(url("/admin/"));
        signInOnKeycloak("practitioner", "demo");
        assertThat(heading("You are not allowed to see this page")).isVisible();
        Accessibility.assertNoViolations(page, "the 403 page");
    }

    @Test
    void aPartnerCollegesMemberSignsInWithTheirCollegeAccountAndSigningOutEndsBothSessions() {
        page.navigate(platform.settings().gatewayUrl() + "/dashboard.html");
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
        page.navigate(platform.settings().gatewayUrl() + "/dashboard.html");
        assertThat(page).hasURL(Pattern.compile(".*/realms/exchange/.*"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Partner College"))).click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/partner-college/.*"));
        assertThat(page.locator("#username")).isVisible();
    }


}

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
        page.navigate(platform.settings().gatewayUrl() + "/notifications.html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setLevel(1)))
                .isVisible();
        Accessibility.assertNoViolations(page, "the notifications page");
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

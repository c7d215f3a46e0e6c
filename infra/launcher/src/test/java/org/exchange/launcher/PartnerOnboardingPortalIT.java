package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner onboarding from the portal, end to end (issue 18, docs/adr/0021): a programme admin onboards a new college
 * whose identity provider is a second realm of the platform's Keycloak, created by the test, by OpenID Connect or by
 * SAML 2.0 (the realm acting as a SAML identity provider, onboarded from its metadata); the platform configures
 * Keycloak by itself, hidden from staff until it is tried: a member of the college signs in through the page's "Try
 * sign-in" link, and the programme admin, seeing that sign-in, puts it live (docs/adr/0022). A member of the college
 * then signs in with their college account from the login page and arrives in the right
 * organisation, named after the provider so that no username clashes with another college's. The programme admin then
 * names her the college's first org-admin in the portal and records the college's e-mail domain; she signs in again
 * by typing her work e-mail ("sign in with your organisation") and sees her college's staff only.
 */
class PartnerOnboardingPortalIT extends BrowserTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aProgrammeAdminOnboardsACollegeAndItsMemberSignsInIntoTheRightOrganisation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String realm = "westfield-" + run;
        String alias = "westfield-" + run;
        String organisation = "org-westfield-" + run;
        String college = "Westfield College " + run;
        String secret = "westfield-secret-" + run;
        CollegeRealms.oidc(platform, realm, alias, secret);

        signInAt("/admin/partners.html", "programmeadmin");
        assertThat(heading("Partner sign-in")).isVisible();
        page.getByLabel("Organisation id").fill(organisation);
        page.getByLabel("This organisation is new: register it").check();
        page.getByLabel("Name of a new organisation").fill(college);
        page.getByLabel("Region of a new organisation").fill("West Midlands");
        page.getByLabel("Provider alias").fill(alias);
        page.getByLabel("Discovery URL").fill(platform.settings().keycloakUrl() + "/realms/" + realm
                + "/.well-known/openid-configuration");
        page.getByLabel("Client id").fill("exchange-broker");
        page.getByLabel("Client secret").fill(secret);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Onboard")).click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText(alias + " is onboarded for " + organisation))).isVisible();
        Locator row = page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college));
        assertThat(row).containsText("Reachable");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college))
                            .textContent().contains("Configured");
                });
        assertThat(page.getByText(secret)).hasCount(0);
        screenshot("admin-partners");
        Accessibility.assertNoViolations(page, "the partner sign-in page");
        assertFitsAPhone("/admin/partners.html");

        // not offered to staff until it has been tried: a college member signs in through the "Try sign-in" link
        tryThenPutLive(college, "wanda", "Wanda Westfield");

        // the college's member, with the college's own account
        context.clearCookies();
        open("/dashboard.html");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(college)).click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/" + realm + "/.*"));
        signInOnKeycloak("wanda", "demo");

        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
        assertThat(page.getByTestId("person")).hasText("Wanda Westfield");
        assertThat(page.getByTestId("organisation")).hasText(college);
        screenshot("onboarded-college-member-dashboard");

        // named after the provider, so that another college's wanda is someone else; the organisation set by the
        // platform's mapper, not by the college
        HttpResponse<String> users = MembershipApi.send(HttpRequest.newBuilder(URI.create(
                platform.settings().keycloakUrl() + "/admin/realms/exchange/users?exact=true&username=" + alias
                        + ".wanda")).header("Authorization", "Bearer " + new MembershipApi(platform).adminToken()));
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(JSON.readTree(users.body()).get(0).get("attributes").get("organisation").get(0).asString())
                .isEqualTo(organisation);

        // the programme admin names her the college's first org-admin, from its staff
        String wanda = JSON.readTree(users.body()).get(0).get("id").asString();
        context.clearCookies();
        signInAt("/admin/partners.html", "programmeadmin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organisation admins of " + college)).click();
        assertThat(heading("Organisation admins of " + college)).isVisible();
        assertThat(page.getByText("No organisation admin has been named on the platform yet.")).isVisible();
        page.getByLabel("Member of staff").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Wanda Westfield (wanda@" + realm + ".test)"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Name an organisation admin")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("Wanda Westfield is an organisation admin now"))).isVisible();
        assertThat(page.locator("#org-admins")).containsText("wanda@" + realm + ".test");
        // and records the college's e-mail domain, for "sign in with your organisation"
        page.getByLabel("E-mail domains of its staff").fill(realm + ".test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the domains")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText("Staff at " + realm + ".test sign in with their organisation."))).isVisible();
        screenshot("admin-organisation-admins");
        Accessibility.assertNoViolations(page, "the organisation admins page");
        assertFitsAPhone("/admin/organisation-admins.html?organisation=" + organisation);
        // the role follows the committed appointment in Keycloak
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> MembershipApi.send(HttpRequest.newBuilder(URI.create(platform.settings().keycloakUrl()
                        + "/admin/realms/exchange/users/" + wanda + "/role-mappings/realm"))
                        .header("Authorization", "Bearer " + new MembershipApi(platform).adminToken()))
                        .body().contains("\"org-admin\""));

        // she signs in again with her work e-mail, which leads to her college's sign-in, and sees her organisation's
        // staff, and no one else's
        context.clearCookies();
        open("/sign-in.html");
        assertThat(heading("Sign in with your organisation")).isVisible();
        page.getByLabel("Work e-mail").fill("someone@nowhere-" + run + ".test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("does not sign its staff in with their work account");
        Accessibility.assertNoViolations(page, "the sign-in page");
        assertFitsAPhone("/sign-in.html");
        page.getByLabel("Work e-mail").fill("wanda@" + realm + ".test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/" + realm + "/.*"));
        signInOnKeycloak("wanda", "demo");
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
        assertThat(page.getByTestId("roles")).containsText("Organisation admin");
        open("/organisation/staff.html");
        Locator staffRows = page.locator("#staff tbody tr");
        assertThat(staffRows).hasCount(1);
        assertThat(staffRows).containsText("Wanda Westfield");
        assertThat(page.locator("#staff")).not().containsText("demo.exchange.test");
        screenshot("college-org-admin-staff");
        Accessibility.assertNoViolations(page, "the college org-admin's staff page");
        open("/organisation/admins.html");
        assertThat(page.locator("#org-admins-table-caption")).hasCount(1);
        assertThat(page.locator("#org-admins")).containsText("Wanda Westfield");
        Accessibility.assertNoViolations(page, "the college org-admin's admins page");
    }

    @Test
    void aProgrammeAdminOnboardsACollegeBySamlAndItsMemberSignsInIntoTheRightOrganisation() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String realm = "eastgate-" + run;
        String alias = "eastgate-" + run;
        String organisation = "org-eastgate-" + run;
        String college = "Eastgate College " + run;
        CollegeRealms.saml(platform, realm, alias);

        signInAt("/admin/partners.html", "programmeadmin");
        page.getByLabel("Organisation id").fill(organisation);
        page.getByLabel("This organisation is new: register it").check();
        page.getByLabel("Name of a new organisation").fill(college);
        page.getByLabel("Region of a new organisation").fill("East Midlands");
        page.getByLabel("E-mail domains of its staff").fill(realm + ".test");
        page.getByLabel("Provider alias").fill(alias);
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("SAML 2.0")).check();
        assertThat(page.getByLabel("Discovery URL")).isHidden();
        page.getByLabel("Metadata URL").fill(platform.settings().keycloakUrl() + "/realms/" + realm
                + "/protocol/saml/descriptor");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Onboard")).click();

        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText(alias + " is onboarded for " + organisation))).isVisible();
        Locator row = page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college));
        assertThat(row).containsText("SAML 2.0");
        assertThat(row).containsText("Reachable");
        assertThat(row).containsText("Valid until");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college))
                            .textContent().contains("Configured");
                });
        screenshot("admin-partners-saml");
        Accessibility.assertNoViolations(page, "the partner sign-in page with a SAML partner");

        tryThenPutLive(college, "sam", "Sam Eastgate");

        // the college's member, signing in at the college's SAML identity provider
        context.clearCookies();
        open("/dashboard.html");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(college)).click();
        assertThat(page).hasURL(Pattern.compile(".*/realms/" + realm + "/.*"));
        signInOnKeycloak("sam", "demo");

        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
        assertThat(page.getByTestId("person")).hasText("Sam Eastgate");
        assertThat(page.getByTestId("organisation")).hasText(college);
        screenshot("saml-college-member-dashboard");

        HttpResponse<String> users = MembershipApi.send(HttpRequest.newBuilder(URI.create(
                platform.settings().keycloakUrl() + "/admin/realms/exchange/users?exact=true&username=" + alias
                        + ".sam")).header("Authorization", "Bearer " + new MembershipApi(platform).adminToken()));
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(JSON.readTree(users.body()).get(0).get("attributes").get("organisation").get(0).asString())
                .isEqualTo(organisation);
    }

    /**
     * The "try sign-in" step (ADR 0022), from the partners page where the programme admin is: the new provider is
     * offered to no one yet (no button on Keycloak's login page); a member of the college signs in through the page's
     * "Try sign-in" link (in a window of their own, here the same page with the admin's cookies gone) and arrives as
     * themselves; the admin then sees the sign-in and puts the provider live, after which it is on the login page.
     */
    private void tryThenPutLive(String college, String member, String memberName) {
        Locator row = page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college));
        assertThat(row).containsText("Being tried");
        assertThat(row).containsText("None yet");
        assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        Locator tryIt = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Try sign-in through " + college + " (opens in a new tab)"));
        assertThat(tryIt).hasAttribute("target", "_blank");
        String link = tryIt.getAttribute("href");

        context.clearCookies();
        open("/dashboard.html");
        assertThat(page.locator("#username")).isVisible();
        // not on the login page while it is tried
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(college))).hasCount(0);
        open(link);
        assertThat(page).hasURL(Pattern.compile(".*/realms/.*"));
        signInOnKeycloak(member, "demo");
        // back at the portal, signed in as the member
        page.waitForURL(address -> address.startsWith(url("/")) && !address.contains("/login/oauth2/"),
                new Page.WaitForURLOptions().setTimeout(60_000));
        open("/dashboard.html");
        assertThat(page.getByTestId("person")).hasText(memberName);

        context.clearCookies();
        signInAt("/admin/partners.html", "programmeadmin");
        Locator tried = page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college));
        assertThat(tried).not().containsText("None yet");
        screenshot("admin-partners-tried-" + member);
        Accessibility.assertNoViolations(page, "the partner sign-in page with a partner tried");
        tried.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put live " + college)).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions()
                .setHasText(college + "'s sign-in is live"))).isVisible();
        assertThat(page.locator("#partner-health tr").filter(new Locator.FilterOptions().setHasText(college)))
                .containsText("Live");
        // Keycloak shows it once it has taken the change
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    page.reload();
                    return page.locator("#partner-health tr").filter(new Locator.FilterOptions()
                            .setHasText(college)).textContent().contains("Configured");
                });
    }

}

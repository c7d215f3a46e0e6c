package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-up in a real browser against the whole platform: a newcomer creates an account on Keycloak's registration page
 * (in the portal's theme), confirms their address with the link of the mail Keycloak sent through the platform's SMTP
 * server (read over the mail server's HTTP API), signs in and lands on a dashboard whose journey names their first
 * step. They belong to no organisation, and nothing the dashboard asks is refused.
 */
class SignUpPortalIT extends BrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VERIFICATION_LINK = Pattern.compile("(http\\S+/login-actions/action-token\\?\\S+)");

    @Test
    void aNewcomerSignsUpConfirmsTheirAddressFromTheMailSignsInAndTheDashboardSaysWhatToDoFirst() {
        String username = "newcomer-" + ExchangeApi.unique();
        String email = username + "@newcomers.exchange.test";
        String password = "a long passphrase 7";
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400 && response.url().startsWith(platform.settings().gatewayUrl())) {
                refused.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && message.location() != null
                    && message.location().startsWith(platform.settings().gatewayUrl())) {
                refused.add("console error " + message.text());
            }
        });

        open("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account").setExact(true))
                .first().click();

        // Keycloak's registration page, in the portal's look
        assertThat(page).hasURL(Pattern.compile(".*/realms/exchange/.*"));
        assertThat(heading("Create your Exchange account")).isVisible();
        assertThat(page.locator("#kc-header-wrapper")).hasText("Exchange");
        org.assertj.core.api.Assertions.assertThat(page.evaluate(
                "() => getComputedStyle(document.getElementById('kc-header-wrapper')).backgroundColor"))
                .as("the portal's green behind its name").isEqualTo("rgb(0, 89, 79)");
        screenshot("sign-up-registration-page");
        Accessibility.assertNoViolations(page, "Keycloak's registration page");
        assertFitsAPhoneAsItIs("Keycloak's registration page");

        // Keycloak asks for no password before the address is confirmed: the newcomer chooses it after the link
        page.locator("#username").fill(username);
        page.locator("#email").fill(email);
        page.locator("#firstName").fill("Nia");
        page.locator("#lastName").fill("Newcomer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account")).click();
        assertThat(heading("Confirm your e-mail address")).isVisible();
        assertThat(page.locator("body")).containsText("We have sent a link to " + email);
        Accessibility.assertNoViolations(page, "Keycloak's page asking to confirm the address");

        // the mail Keycloak sent through the platform's SMTP server, read as anyone would, over its HTTP API
        JsonNode mail = awaitTheVerificationMail(email);
        org.assertj.core.api.Assertions.assertThat(mail.get("subject").asString())
                .isEqualTo("Confirm your e-mail address for Exchange");
        org.assertj.core.api.Assertions.assertThat(mail.get("text").asString()).contains("Welcome to Exchange");
        Matcher link = VERIFICATION_LINK.matcher(mail.get("text").asString());
        org.assertj.core.api.Assertions.assertThat(link.find()).as("a verification link in %s", mail).isTrue();

        // the link, in the browser they signed up in: the address is confirmed, they choose a password and are in
        page.navigate(link.group(1));
        assertThat(heading("Choose your password")).isVisible();
        screenshot("sign-up-choose-a-password");
        Accessibility.assertNoViolations(page, "Keycloak's page for choosing a password");
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("#kc-submit").click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true));
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"));
        assertThat(page.getByTestId("person")).hasText("Nia Newcomer");
        // the dashboard's calls done (signing out while they are under way would have them refused)
        assertThat(page.getByTestId("next-step")).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        org.assertj.core.api.Assertions.assertThat(refused).as("refused on the dashboard the newcomer arrived at")
                .isEmpty();

        // signed out, they sign in again with their new account and land on their dashboard
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/signed-out\\.html$"));
        open("/dashboard.html");
        assertThat(heading("Sign in to Exchange")).isVisible();
        assertFitsAPhoneAsItIs("Keycloak's sign-in page");
        signInOnKeycloak(username, password);
        assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"));
        assertThat(page.getByTestId("person")).hasText("Nia Newcomer");
        // a practitioner (the realm's default role) of no organisation, whose journey starts at their profile
        assertThat(page.getByTestId("organisation")).hasText("No organisation");
        assertThat(page.getByTestId("roles")).hasText("Practitioner");
        Page.GetByRoleOptions journeyRegion = new Page.GetByRoleOptions().setName("Your journey");
        assertThat(page.getByRole(AriaRole.REGION, journeyRegion).getByTestId("next-step"))
                .hasText("Your next step: Complete your profile.");
        assertThat(page.getByRole(AriaRole.REGION, journeyRegion).locator("[aria-current=step]"))
                .containsText("1. Join");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        screenshot("sign-up-newcomers-dashboard");
        Accessibility.assertNoViolations(page, "a newcomer's dashboard");
        // their address, longer than most, stays inside the profile card on a phone
        assertFitsAPhoneAsItIs("a newcomer's dashboard");
        org.assertj.core.api.Assertions.assertThat(refused)
                .as("requests refused and console errors from the portal for a newcomer without an organisation")
                .isEmpty();
    }

    /** The open page at 375 px (a page of Keycloak's, which cannot be opened afresh): no sideways scrolling, accessible. */
    private void assertFitsAPhoneAsItIs(String what) {
        page.setViewportSize(375, 740);
        screenshot(what.replaceAll("[^A-Za-z]+", "-").toLowerCase(java.util.Locale.ROOT) + "-on-a-phone");
        assertShownFitsAPhone(what);
        page.setViewportSize(1280, 900);
    }

    private static JsonNode awaitTheVerificationMail(String email) {
        URI mails = URI.create(platform.mail().apiUrl() + "/mails?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        return await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(mails).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode received = JSON.readTree(answer.body());
            return received.isEmpty() ? null : received.get(0);
        }, java.util.Objects::nonNull);
    }
}

package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * Keycloak stopped (issue 14's fault test, against the real platform): people already signed in keep working for
 * their token's life, API clients' tokens are still accepted by the gateway and every service from the keys they
 * cached, a new sign-in gets a clear page instead of an address the browser cannot open, and once Keycloak is back
 * signing in works again. Counts what was asked and what was answered, and prints them.
 */
class KeycloakOutageIT extends BrowserTest {

    /** A read of each service a practitioner may make, through the gateway. */
    private static final List<String> READS = List.of("/api/membership/me", "/api/exchange/me/groups",
            "/api/assessment/me/status", "/api/accreditation/me/enrolments", "/api/notifications/feed");

    @Test
    void signedInPeopleAndApiClientsKeepWorkingNewSignInsGetAClearPageAndSignInWorksOnceKeycloakIsBack() {
        signInAt("/dashboard.html", "practitioner");
        assertThat(page.getByTestId("person")).isVisible();
        String token = MembershipApi.token(platform.settings().issuer(), "exchange-cli", "facilitator",
                MembershipApi.PASSWORD);
        // the gateway and every service have validated a token of the realm, and so hold its keys
        READS.forEach(path -> assertThat(read(path, token).statusCode()).as(path).isEqualTo(200));

        Instant stopped = Instant.now();
        platform.stopKeycloak();
        try {
            // an API client's token: accepted by the gateway and each service from the keys they hold
            List<String> refused = new ArrayList<>();
            int asked = 0;
            for (int round = 0; round < 4; round++) {
                for (String path : READS) {
                    asked++;
                    HttpResponse<String> answer = read(path, token);
                    if (answer.statusCode() != 200) {
                        refused.add(path + " " + answer.statusCode());
                    }
                }
            }
            assertThat(refused).as("reads with a valid token while Keycloak is stopped").isEmpty();

            // the person signed in in the browser: their pages and the API calls behind them still work
            open("/dashboard.html");
            assertThat(page.getByTestId("person")).isVisible();
            assertThat(page.getByTestId("dashboard-membership")).isVisible();
            assertThat(page.locator(".notice.error")).hasCount(0);

            // someone starting to sign in gets a page that says what is going on, not a browser error
            try (BrowserContext newcomer = browser.newContext()) {
                Page fresh = newcomer.newPage();
                // the gateway trusts a successful check of Keycloak for ten seconds, so the page comes within those
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                        fresh.navigate(url("/oauth2/authorization/keycloak")).status() == 503);
                assertThat(fresh.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                        .setName("Signing in is not available just now"))).isVisible();
                Accessibility.assertNoViolations(fresh, "the sign-in-unavailable page");
            }
            System.out.printf("[fault] keycloak stopped: %d reads with a token asked, %d answered, %d refused; signed-in"
                    + " pages worked; a new sign-in got the 503 page (%d s after the stop)%n", asked,
                    asked - refused.size(), refused.size(), Duration.between(stopped, Instant.now()).toSeconds());
        } finally {
            platform.startKeycloak();
        }

        // back: a new sign-in works again, in a context of its own
        context.close();
        openAFreshContext();
        signInAt("/dashboard.html", "facilitator");
        assertThat(page.getByTestId("person")).isVisible();
        System.out.printf("[fault] keycloak back after %d s: a new sign-in works%n",
                Duration.between(stopped, Instant.now()).toSeconds());
    }

    private static HttpResponse<String> read(String path, String token) {
        return MembershipApi.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET());
    }
}

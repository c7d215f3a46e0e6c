package org.exchange.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every page of the portal, error pages included, is served in the one layout (ADR 0017): the shared head, the skip
 * link first in the body, and the page's own title, scripts and main content, at the page's own address.
 */
@SpringBootTest
class EveryPageInTheLayoutTest {

    static final Path PAGES = Path.of("src/main/resources/static");
    static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>");

    @Autowired
    ApplicationContext context;

    WebTestClient web;

    @BeforeEach
    void client() {
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void everyPageIsServedInTheLayoutWithItsOwnTitleScriptsAndMain() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(PAGES)) {
            pages = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("the portal's pages").hasSizeGreaterThan(40);
        SoftAssertions softly = new SoftAssertions();
        for (Path page : pages) {
            String address = "/" + PAGES.relativize(page).toString().replace('\\', '/');
            String served = web.mutateWith(personWithEveryRole()).get().uri(address).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();
            checkInLayout(softly, address, Files.readString(page), served);
        }
        softly.assertAll();
    }

    @Test
    void aSectionAndThePortalsOwnAddressServeTheirIndexPageInTheLayout() {
        SoftAssertions softly = new SoftAssertions();
        for (String section : List.of("/", "/admin/", "/awards/")) {
            String served = web.mutateWith(personWithEveryRole()).get().uri(section).accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            checkInLayout(softly, section, read(section + "index.html"), served);
        }
        softly.assertAll();
    }

    @Test
    void theErrorPagesTheGatewayAnswersWithAreInTheLayoutAndKeepTheirStatus() {
        SoftAssertions softly = new SoftAssertions();
        String notFound = web.mutateWith(personWithEveryRole()).get().uri("/no-such-page.html")
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        checkInLayout(softly, "404 for /no-such-page.html", read("/error/404.html"), notFound);
        String forbidden = web.mutateWith(person("practitioner")).get().uri("/admin/")
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        checkInLayout(softly, "403 for /admin/", read("/error/403.html"), forbidden);
        softly.assertAll();
    }

    @Test
    void aPageKeepsTheSecurityHeadersAndIsNotStoredByTheBrowser() {
        web.get().uri("/library.html").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"));
        web.head().uri("/library.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    /** What the layout adds, once, and what the page's file brings, in their places. */
    private static void checkInLayout(SoftAssertions softly, String address, String file, String served) {
        int headEnd = served.indexOf("</head>");
        String head = headEnd < 0 ? "" : served.substring(0, headEnd);
        String body = headEnd < 0 ? served : served.substring(headEnd);
        softly.assertThat(served).as("%s is one document", address).startsWith("<!doctype html>\n<html lang=\"en-GB\">")
                .containsOnlyOnce("<html").containsOnlyOnce("<head>").containsOnlyOnce("<body>");
        softly.assertThat(head).as("%s: the layout's head", address)
                .containsPattern("<head>\\s*<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<link rel=\"stylesheet\" href=\"/css/portal.css\">")
                .contains("<link rel=\"icon\" href=\"/img/favicon.svg\" type=\"image/svg+xml\">");
        softly.assertThat(body).as("%s: the skip link first in the body, leading to the main content", address)
                .containsPattern("<body>\\s*<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\\s*"
                        + "<main id=\"main\" tabindex=\"-1\">");
        softly.assertThat(titles(served)).as("%s: one title, the page's own", address).containsExactly(title(file));
        file.substring(0, file.indexOf("<main>")).lines().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> softly.assertThat(head).as("%s: the page's own head", address).contains(line));
        softly.assertThat(squeezed(between(served, "<main id=\"main\" tabindex=\"-1\">", "</main>")))
                .as("%s: the page's own main content", address)
                .isEqualTo(squeezed(between(file, "<main>", "</main>")));
    }

    private static List<String> titles(String html) {
        return TITLE.matcher(html).results().map(match -> match.group(1)).toList();
    }

    private static String title(String file) {
        Matcher title = TITLE.matcher(file);
        return title.find() ? title.group(1) : "(no title)";
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        int to = html.lastIndexOf(end);
        return from < 0 || to < from ? "" : html.substring(from + start.length(), to);
    }

    private static String squeezed(String html) {
        return html.strip().replaceAll("\\s+", " ");
    }

    private static String read(String address) {
        try {
            return Files.readString(PAGES.resolve(address.substring(1)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OidcLoginMutator personWithEveryRole() {
        return person("practitioner", "facilitator", "assessor", "org-admin", "programme-admin");
    }

    private static OidcLoginMutator person(String... roles) {
        return mockOidcLogin().authorities(Stream.of(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toArray(SimpleGrantedAuthority[]::new));
    }
}

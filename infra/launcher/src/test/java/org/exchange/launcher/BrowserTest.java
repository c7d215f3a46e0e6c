package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A portal test in a real browser: Debian's Chromium driven by Playwright, against the platform the launcher starts
 * (one per test JVM). Each test gets a fresh browser context (no cookies), a screenshot where it ended, and helpers
 * for Keycloak's sign-in page, headings, accessibility and phone-sized screens.
 */
abstract class BrowserTest {

    static Platform platform;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launchTheBrowser() {
        platform = SharedPlatform.get();
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** The context's latest network events, printed when a sign-in stalls (to find out where it waits). */
    private final java.util.Deque<String> network = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @BeforeEach
    void openAFreshContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        network.clear();
        context.onRequest(request -> remember("-> " + request.method() + " " + request.url()));
        context.onRequestFinished(request -> remember("<- " + request.method() + " " + request.url()));
        context.onResponse(response -> remember("<- " + response.status() + " " + response.url()));
        context.onRequestFailed(request -> remember("x  " + request.method() + " " + request.url() + " "
                + request.failure()));
        context.onPage(opened -> opened.onCrash(crashed -> remember("!! page crashed at " + crashed.url())));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    private void remember(String event) {
        network.addLast(java.time.LocalTime.now() + " " + event);
        while (network.size() > 40) {
            network.pollFirst();
        }
    }

    @AfterEach
    void closeTheContext(TestInfo test) {
        // where each test ended, which is where it failed when it did
        screenshot("end-of-" + getClass().getSimpleName() + "-"
                + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
        context.close();
    }

    /** The portal's address of a path. */
    static String url(String path) {
        return platform.settings().gatewayUrl() + path;
    }

    /** Fills Keycloak's sign-in form (the platform realm's or a partner's) and submits it. */
    void signInOnKeycloak(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click(new Locator.ClickOptions().setNoWaitAfter(true));
    }

    /** Opens a page that needs signing in, signs in there (password demo) and waits to be back on it. */
    void signInAt(String path, String username) {
        open(path);
        signInOnKeycloak(username, MembershipApi.PASSWORD);
        // Playwright matches URLs with JavaScript regular expressions (no Pattern.quote); a section shows its index.html
        String address = path.replaceAll("[.?*+^$()\\[\\]{}|\\\\]", "\\\\$0")
                + (path.endsWith("/") ? "(index\\.html)?" : "");
        Pattern arrived = Pattern.compile(".*" + address + "$");
        try {
            assertThat(page).hasURL(arrived,
                    new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(30_000));
        } catch (AssertionError stalled) {
            // A page that stalled after Keycloak's redirect was the gateway's HTTP server leaving the browser's request
            // unread on a keep-alive connection (ADR 0025, fixed by Reactor Netty 1.3.8). Should a stall come back, it
            // is reported with what shows where it waits, and a fresh page of the same browser context, whose session
            // may already be signed in, tries once more, so that one stall does not fail a whole journey.
            reportTheStall("sign-in of " + username + " at " + path, "stalled-sign-in-" + username);
            page.navigate(url(path));
            if (page.url().contains("/realms/")) {
                signInOnKeycloak(username, MembershipApi.PASSWORD);
            }
            assertThat(page).hasURL(arrived,
                    new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(60_000));
        }
    }

    /**
     * Opens a page of the portal. A navigation that stalls (no answer within the page's timeout) is reported with the
     * context's last network events and the gateway's threads, and tried once more on a fresh page of the same
     * context at the same screen size, so that one stall of the browser does not fail a whole journey; a page that
     * stalls twice fails the test.
     */
    void open(String path) {
        try {
            page.navigate(url(path));
        } catch (com.microsoft.playwright.TimeoutError stalled) {
            reportTheStall("navigation to " + path, "stalled-navigation");
            page.navigate(url(path));
        }
    }

    /** Loads the open page again, as {@link #open(String)} opens one: a reload that stalls is tried once more. */
    void reload() {
        try {
            page.reload();
        } catch (com.microsoft.playwright.TimeoutError stalled) {
            String address = page.url();
            reportTheStall("reload of " + address, "stalled-reload");
            page.navigate(address);
        }
    }

    /** Says what stalled, with the network events and the gateway's threads, and goes on with a fresh page. */
    private void reportTheStall(String what, String dumpName) {
        System.out.println("[browser] " + what + " stalled; trying a fresh page."
                + " The context's last network events:\n  " + String.join("\n  ", network));
        printTheConnections();
        dumpTheGatewaysThreads(dumpName);
        com.microsoft.playwright.options.ViewportSize size = page.viewportSize();
        page.close();
        page = context.newPage();
        page.setDefaultTimeout(30_000);
        if (size != null) {
            page.setViewportSize(size.width, size.height);
        }
    }

    /**
     * The TCP connections to the gateway and to Keycloak with their queues ({@code ss}): bytes left unread in a
     * receive queue show which side did not read what it was sent (the browser's request at the gateway, or the
     * gateway's token request at Keycloak).
     */
    static void printTheConnections() {
        String gateway = String.valueOf(java.net.URI.create(platform.settings().gatewayUrl()).getPort());
        String keycloak = String.valueOf(java.net.URI.create(platform.settings().keycloakUrl()).getPort());
        try {
            Process ss = new ProcessBuilder("ss", "-tnp").redirectErrorStream(true).start();
            String connections = new String(ss.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> line.contains(":" + gateway + " ") || line.contains(":" + keycloak + " "))
                    .collect(java.util.stream.Collectors.joining("\n  "));
            System.out.println("[browser] connections to the gateway (" + gateway + ") and Keycloak (" + keycloak
                    + "), Recv-Q Send-Q:\n  " + connections);
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("[browser] could not list the connections: " + e);
        }
    }

    /**
     * The gateway's threads where a sign-in stalled (its answer to Keycloak's redirect never came): written to
     * target/thread-dumps, and the threads that were doing something printed, to find what it waits for.
     */
    static void dumpTheGatewaysThreads(String name) {
        try {
            long pid = platform.services().get("gateway").pid();
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Path file = Path.of("target", "thread-dumps", name + "-" + System.currentTimeMillis() + ".txt");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, threads);
            String busy = java.util.Arrays.stream(threads.split("\n\n"))
                    .filter(thread -> thread.contains("org.exchange") || thread.contains("oauth2")
                            || thread.contains("reactor-http") && thread.contains("RUNNABLE") && !thread.contains("epoll"))
                    .collect(java.util.stream.Collectors.joining("\n\n"));
            System.out.println("[browser] the gateway's threads are in " + file.toAbsolutePath() + "; the busy ones:\n"
                    + busy);
        } catch (java.io.IOException | RuntimeException e) {
            System.out.println("[browser] could not dump the gateway's threads: " + e);
        }
    }

    Locator heading(String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + ".png")));
    }

    /**
     * The page as it is now, at the width it has and at 375 px (the same page re-laid out, not reloaded):
     * {@code target/screenshots/NAME.png} and {@code NAME-phone.png}, for reviewing the look at both sizes.
     */
    void screenshotAtBothWidths(String name) {
        var size = page.viewportSize();
        screenshot(name);
        page.setViewportSize(375, 740);
        screenshot(name + "-phone");
        page.setViewportSize(size.width, size.height);
    }

    /** One part of the page (a card) as {@link #screenshotAtBothWidths(String)} takes the whole page. */
    void screenshotAtBothWidths(Locator part, String name) {
        var size = page.viewportSize();
        part.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
        page.setViewportSize(375, 740);
        part.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + "-phone.png")));
        page.setViewportSize(size.width, size.height);
    }

    /**
     * Words in the page's table cells that the browser broke across lines (a column squeezed into a stack of letters):
     * each word of each visible cell must lie on one line.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> wordsBrokenInTables() {
        return (java.util.List<String>) page.evaluate("""
                () => {
                  const broken = [];
                  for (const cell of document.querySelectorAll('td, th')) {
                    if (!cell.offsetParent) continue;
                    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                      if (!node.parentElement.offsetParent && node.parentElement !== cell) continue;
                      // a word, or the part of one between hyphens and slashes, where lines may break
                      for (const match of node.textContent.matchAll(/[^\\s\\-\\u2010-\\u2014\\/]{2,}/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                          .map(r => Math.round(r.top)));
                        if (lines.size > 1) broken.push(match[0]);
                      }
                    }
                  }
                  return broken.slice(0, 20);
                }""");
    }

    /**
     * What is wrong with the open page at a phone's width, in words (nothing when all is well): the page scrolls
     * sideways, a table is wider than the screen outside a scrolling region that has a name and takes the keyboard
     * focus (role region, a label, tabindex 0), or a word in a table cell is broken across lines.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> phoneProblems() {
        java.util.List<String> problems = new java.util.ArrayList<>((java.util.List<String>) page.evaluate("""
                () => {
                  const problems = [];
                  const page = document.scrollingElement;
                  if (page.scrollWidth > innerWidth) {
                    problems.push(`the page scrolls sideways (${page.scrollWidth} px wide on a ${innerWidth} px screen)`);
                  }
                  const named = region => region.getAttribute('aria-label')
                    || (region.getAttribute('aria-labelledby') || '').split(' ')
                      .map(id => document.getElementById(id)?.textContent.trim()).filter(Boolean).join(' ');
                  for (const table of document.querySelectorAll('main table')) {
                    if (!table.offsetParent) continue;
                    const what = table.querySelector('caption')?.textContent.trim() || 'a table';
                    let scroller = table.parentElement;
                    while (scroller && scroller !== document.body
                        && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
                      scroller = scroller.parentElement;
                    }
                    if (!scroller || scroller === document.body) {
                      if (table.getBoundingClientRect().right > innerWidth + 1) {
                        problems.push(`${what} is wider than the screen and scrolls nowhere`);
                      }
                    } else if (scroller.getAttribute('role') !== 'region' || !named(scroller)
                        || scroller.getAttribute('tabindex') !== '0') {
                      problems.push(`${what} scrolls in a region without a role, a name or the keyboard focus`);
                    }
                  }
                  return problems;
                }"""));
        wordsBrokenInTables().forEach(word -> problems.add("the word \"" + word + "\" is broken across lines in a table"));
        return problems;
    }

    /**
     * The page at 375 px: no horizontal scrolling, each table fits or scrolls inside a named region that takes the
     * keyboard focus, no word broken inside a table ({@link #phoneProblems()}), and still accessible.
     */
    void assertFitsAPhone(String path) {
        page.setViewportSize(375, 740);
        open(path);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).isVisible();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertShownFitsAPhone(path);
        page.setViewportSize(1280, 900);
    }

    /** What the page shows now, at the screen size it has now, checked as {@link #assertFitsAPhone} checks a page. */
    void assertShownFitsAPhone(String what) {
        org.assertj.core.api.Assertions.assertThat(phoneProblems()).as("%s at 375 px", what).isEmpty();
        Accessibility.assertNoViolations(page, what + " at 375 px");
    }

    /**
     * Opens one of a long page's sections that open one at a time (js/guided.js) by the button in its heading, unless
     * it is open already.
     */
    void openSection(String name) {
        Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
        if (!"true".equals(toggle.getAttribute("aria-expanded"))) {
            toggle.click();
        }
        assertThat(toggle).hasAttribute("aria-expanded", "true");
    }

    /** Fills the facilitator's form for publishing their group's outcome (in its section of the group's page). */
    void fillTheOutcome(String kind, String title, String summary, String authors, String link) {
        openSection("Publish the group's outcome");
        page.locator("#publish-kind").selectOption(kind);
        page.locator("#publish-title").fill(title);
        page.locator("#publish-summary").fill(summary);
        page.locator("#publish-authorNames").fill(authors);
        page.locator("#publish-linkUrl").fill(link);
    }
}

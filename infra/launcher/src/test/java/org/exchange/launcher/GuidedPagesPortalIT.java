package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: the long pages whose forms were all open at once (the facilitator's group page, the partner organisation's
 * partnership page) open one section at a time, from the keyboard, with the open section in the address (a reload, a
 * link or coming back opens it again), and a save keeps its section open with its message in focus; and the finder's
 * map zooms in, out and back with its buttons and with + and - while it has focus, its markers still named links the
 * keyboard reaches. Each page is checked with axe-core and at 375 px.
 */
class GuidedPagesPortalIT extends BrowserTest {

    /**
     * The finder knows Telford at these coordinates (exchange-service's gazetteer); no other test puts a network
     * there, so that this one is never the nearest in another test's search.
     */
    private static final double TELFORD_LATITUDE = 52.6784;
    private static final double TELFORD_LONGITUDE = -2.4453;

    /** The group's page's sections, in order; "Add a facilitator" is the programme admins' only. */
    private static final List<String> GROUP_SECTIONS = List.of("Schedule a meeting", "Record a meeting that took place",
            "Publish the group's outcome", "Record what works");

    private static final List<String> PARTNERSHIP_SECTIONS = List.of("Contacts", "Memorandum of Understanding",
            "Venues", "Contributions");

    static ExchangeApi exchange;
    static JsonNode network;

    @BeforeAll
    static void aNetworkInTelford() {
        exchange = new ExchangeApi(platform);
        network = exchange.network("Wrekin Professional Exchange " + ExchangeApi.unique(), "West Midlands",
                "Telford", TELFORD_LATITUDE, TELFORD_LONGITUDE);
    }

    @Test
    void theFacilitatorsGroupPageOpensOneSectionAtATimeAndASaveKeepsItsSectionOpenWithItsMessage() {
        JsonNode group = exchange.activeGroup(network.get("id").asString(), "Wrekin maths " + ExchangeApi.unique(), 10);
        String path = "/facilitate/group.html?id=" + group.get("id").asString();
        signInAt(path, ExchangeApi.FACILITATOR);
        assertThat(page.getByTestId("group-status")).hasText("active");

        // what the group is stays in view; every section starts closed, its heading a button
        assertThat(heading("Members and waitlist")).isVisible();
        assertOnlyOpen(GROUP_SECTIONS, null);
        assertThat(page.locator("#schedule-title")).isHidden();
        Accessibility.assertNoViolations(page, "the group's page with its sections closed");

        // the keyboard opens a section, and opening another closes it
        button("Schedule a meeting").focus();
        page.keyboard().press("Enter");
        assertOnlyOpen(GROUP_SECTIONS, "Schedule a meeting");
        assertThat(page.locator("#schedule-title")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*#schedule-meeting$"));
        button("Record what works").focus();
        page.keyboard().press("Space");
        assertOnlyOpen(GROUP_SECTIONS, "Record what works");
        assertThat(page.locator("#schedule-title")).isHidden();
        assertThat(page).hasURL(Pattern.compile(".*#what-works$"));
        assertThat(button("Record what works")).isFocused();

        // a refusal shows in the section, with focus on its summary
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the evaluation")).click();
        assertThat(page.locator("#evaluate .error-summary")).isFocused();
        assertThat(page.locator("#evaluate .error-summary")).containsText("Enter what works");
        assertOnlyOpen(GROUP_SECTIONS, "Record what works");

        // a save keeps its section open, with its message in focus
        page.getByLabel("What works", new Page.GetByLabelOptions().setExact(true))
                .fill("Learners marking each other's working with a checklist.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the evaluation")).click();
        Locator saved = page.locator("#evaluated .notice");
        assertThat(saved).containsText("The group's evaluation is recorded");
        assertThat(saved).isFocused();
        assertOnlyOpen(GROUP_SECTIONS, "Record what works");
        Accessibility.assertNoViolations(page, "the group's page with a section open and its message");
        screenshotAtBothWidths("guided-group-page-evaluation-recorded");

        // a reload keeps the open section, and so does coming back from another page
        page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        assertOnlyOpen(GROUP_SECTIONS, "Record what works");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The group as members see it")).click();
        assertThat(page).hasURL(Pattern.compile(".*/groups/group\\.html\\?id=.*"));
        page.goBack();
        assertOnlyOpen(GROUP_SECTIONS, "Record what works");

        // a link to the outcome (from the discussion, "#outcome") opens its section; closing it leaves none open
        open(path + "#outcome");
        assertOnlyOpen(GROUP_SECTIONS, "Publish the group's outcome");
        assertThat(page.getByTestId("outcome-draft")).isVisible();
        button("Publish the group's outcome").click();
        assertOnlyOpen(GROUP_SECTIONS, null);
        assertThat(page).not().hasURL(Pattern.compile(".*#.*"));

        assertFitsAPhone(path);
        assertFitsAPhone(path + "#schedule-meeting");
        assertOnlyOpen(GROUP_SECTIONS, "Schedule a meeting");
    }

    @Test
    void thePartnershipPageOpensOneSectionAtATimeAndASaveKeepsItsSectionOpenWithItsMessage() {
        String unique = ExchangeApi.unique();
        signInAt("/organisation/partnership.html", "orgadmin");
        assertThat(heading("Your organisation's partnership")).isVisible();
        assertOnlyOpen(PARTNERSHIP_SECTIONS, null);
        assertThat(page.locator("#contribution-form")).isHidden();
        Accessibility.assertNoViolations(page, "the partnership page with its sections closed");

        button("Contributions").focus();
        page.keyboard().press("Enter");
        assertOnlyOpen(PARTNERSHIP_SECTIONS, "Contributions");
        assertThat(page).hasURL(Pattern.compile(".*#contributions$"));
        Locator pledge = page.locator("#contribution-form");
        assertThat(pledge).isVisible();

        // a refusal in the section, with focus on its summary
        pledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record contribution")).click();
        assertThat(pledge.locator(".error-summary")).isFocused();
        assertThat(pledge.locator(".error-summary")).containsText("Enter amount");

        // a save rebuilds the page with the same section open, its message at the top of it and in focus
        pledge.getByLabel("Amount").fill("120");
        pledge.getByLabel("What it is for").fill("Refreshments for a development day " + unique);
        pledge.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record contribution")).click();
        Locator saved = page.locator("#contributions").getByRole(AriaRole.STATUS);
        assertThat(saved).hasText("A contribution of £120.00 is recorded.");
        assertThat(saved).isFocused();
        assertOnlyOpen(PARTNERSHIP_SECTIONS, "Contributions");
        assertThat(page.locator("#contributions")).containsText("£120.00 for Refreshments for a development day " + unique);
        Accessibility.assertNoViolations(page, "the partnership page with a contribution recorded");
        screenshotAtBothWidths("guided-partnership-contribution-recorded");

        // opening another section closes this one; a reload keeps the one open
        button("Venues").focus();
        page.keyboard().press("Space");
        assertOnlyOpen(PARTNERSHIP_SECTIONS, "Venues");
        assertThat(page.locator("#venue-form")).isVisible();
        assertThat(pledge).isHidden();
        page.reload(new Page.ReloadOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        assertOnlyOpen(PARTNERSHIP_SECTIONS, "Venues");
        Accessibility.assertNoViolations(page, "the partnership page with its venues open");

        assertFitsAPhone("/organisation/partnership.html");
        assertFitsAPhone("/organisation/partnership.html#memorandum");
        assertOnlyOpen(PARTNERSHIP_SECTIONS, "Memorandum of Understanding");
    }

    @Test
    void theFindersMapZoomsInAndOutWithItsButtonsAndKeysAndItsMarkersStayNamedLinks() {
        String networkName = network.get("name").asString();
        open("/finder.html?place=Telford");
        Locator map = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Map of the results"));
        map.locator(".leaflet-outlines-pane path").first().waitFor(new Locator.WaitForOptions().setState(
                com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(map).hasAttribute("data-zoom", Pattern.compile("\\d+(\\.5)?"));
        double fitted = zoom(map);
        // over the outlines alone (no tile server configured here) the map zooms between 4 and 10
        org.assertj.core.api.Assertions.assertThat(fitted).isBetween(5.0, 9.0);
        Locator zoomIn = button("Zoom in");
        Locator zoomOut = button("Zoom out");
        Locator reset = button("Reset the view");

        zoomIn.click();
        assertThat(map).hasAttribute("data-zoom", number(fitted + 1));
        zoomOut.click();
        zoomOut.click();
        assertThat(map).hasAttribute("data-zoom", number(fitted - 1));
        reset.click();
        assertThat(map).hasAttribute("data-zoom", number(fitted));
        screenshot("guided-finder-map-fitted");

        // + and - (or =) with the map in focus, and on its buttons; Enter on reset
        map.focus();
        page.keyboard().press("+");
        assertThat(map).hasAttribute("data-zoom", number(fitted + 1));
        screenshot("guided-finder-map-zoomed-in");
        page.keyboard().press("-");
        assertThat(map).hasAttribute("data-zoom", number(fitted));
        zoomOut.focus();
        page.keyboard().press("-");
        assertThat(map).hasAttribute("data-zoom", number(fitted - 1));
        page.keyboard().press("=");
        assertThat(map).hasAttribute("data-zoom", number(fitted));
        zoomIn.focus();
        page.keyboard().press("Enter");
        assertThat(map).hasAttribute("data-zoom", number(fitted + 1));
        reset.focus();
        page.keyboard().press("Enter");
        assertThat(map).hasAttribute("data-zoom", number(fitted));

        // the buttons stop at the closest zoom, saying so, and keep the focus
        zoomIn.focus();
        for (int presses = 0; presses < 8; presses++) {
            page.keyboard().press("Enter");
        }
        assertThat(map).hasAttribute("data-zoom", "10");
        assertThat(zoomIn).hasAttribute("aria-disabled", "true");
        assertThat(zoomIn).isFocused();
        reset.click();
        // back at the fitted zoom: markers that overlap while the map animates out are spread again on its zoomend
        // (another test's event near a network here was flagged by axe when checked mid-animation)
        assertThat(map).hasAttribute("data-zoom", number(fitted));

        // after the buttons, the map, then its markers: named links, reached with Tab
        Locator marker = map.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(networkName + " (network)"));
        map.focus();
        for (int presses = 0; presses < 12 && !(Boolean) marker.evaluate("node => node === document.activeElement");
                presses++) {
            page.keyboard().press("Tab");
        }
        assertThat(marker).isFocused();
        assertThat(marker).hasAttribute("href", Pattern.compile(".*/groups/events\\.html\\?networkId=.*"));
        Accessibility.assertNoViolations(page, "the finder's map with its zoom buttons");
        screenshotAtBothWidths("guided-finder-map-marker-focused");
        assertFitsAPhone("/finder.html?place=Telford");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Exactly the named section open (none when open is null), each a heading level 2 whose button says so. */
    private void assertOnlyOpen(List<String> sections, String open) {
        for (String section : sections) {
            Locator button = heading(section).getByRole(AriaRole.BUTTON);
            assertThat(button).hasAttribute("aria-expanded", String.valueOf(section.equals(open)));
            Locator panel = page.locator("#" + button.getAttribute("aria-controls"));
            if (section.equals(open)) {
                assertThat(panel).isVisible();
            } else {
                assertThat(panel).isHidden();
            }
        }
    }

    private static double zoom(Locator map) {
        return Double.parseDouble(map.getAttribute("data-zoom"));
    }

    /** A zoom level as the map writes it in data-zoom: 7, or 6.5. */
    private static String number(double zoom) {
        return zoom == Math.rint(zoom) ? String.valueOf((long) zoom) : String.valueOf(zoom);
    }
}

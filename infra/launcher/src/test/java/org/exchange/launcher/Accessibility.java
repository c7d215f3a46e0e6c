package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** Checks a page in the browser against WCAG 2.2 A and AA with Deque's axe-core rules. */
final class Accessibility {

    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * A frame sandboxed without scripts (such as a mail's preview) runs no script, axe's included: analysing inside it
     * would wait for ever, so it is left out (the frame itself, its title, is still checked from the page).
     */
    private static final String SCRIPTLESS_FRAMES = "iframe[sandbox]:not([sandbox~=allow-scripts])";

    private Accessibility() {
    }

    static void assertNoViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).exclude(SCRIPTLESS_FRAMES).analyze();
        assertThat(results.getViolations())
                .as("WCAG 2.2 AA violations on %s:%n%s", what, describe(results.getViolations()))
                .isEmpty();
        // WCAG 2.5.3 (label in name) is an experimental axe rule, which tags alone do not run: run it by name
        AxeResults labelInName = new AxeBuilder(page).withRules(List.of("label-content-name-mismatch"))
                .exclude(SCRIPTLESS_FRAMES).analyze();
        assertThat(labelInName.getViolations())
                .as("WCAG 2.5.3 violations on %s:%n%s", what, describe(labelInName.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }
}

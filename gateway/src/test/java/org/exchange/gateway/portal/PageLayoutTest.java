package org.exchange.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/** How a page's file and the layout make the document served. */
class PageLayoutTest {

    static final String LAYOUT = """
            <!doctype html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <!--page head-->
            </head>
            <body>
              <a class="skip-link" href="#main">Skip to main content</a>
              <main id="main" tabindex="-1">
                <!--page main-->
              </main>
            </body>
            </html>
            """;

    @Test
    void thePagesTitleAndScriptsGoIntoTheHeadAndItsMainIntoTheLayoutsMain() {
        String page = """
                <title>Audit trail - Exchange</title>
                <script type="module" src="/js/pages/audit.js"></script>

                <main>
                  <h1>Audit trail</h1>
                  <div id="audit">
                    <p>Loading…</p>
                  </div>
                </main>
                """;

        assertThat(PageLayout.compose(LAYOUT, page, "/admin/audit.html")).isEqualTo("""
                <!doctype html>
                <html lang="en-GB">
                <head>
                  <meta charset="utf-8">
                  <title>Audit trail - Exchange</title>
                  <script type="module" src="/js/pages/audit.js"></script>
                </head>
                <body>
                  <a class="skip-link" href="#main">Skip to main content</a>
                  <main id="main" tabindex="-1">
                    <h1>Audit trail</h1>
                    <div id="audit">
                      <p>Loading…</p>
                    </div>
                  </main>
                </body>
                </html>
                """);
    }

    @Test
    void aPageWrittenAsAWholeDocumentIsRefusedRatherThanServedTwiceOver() {
        String page = """
                <!doctype html>
                <html lang="en-GB">
                <head><title>Archive - Exchange</title></head>
                <body><main><h1>Archive</h1></main></body>
                </html>
                """;

        assertThatIllegalStateException().isThrownBy(() -> PageLayout.compose(LAYOUT, page, "/archive.html"))
                .withMessageContaining("/archive.html is a whole document");
    }

    @Test
    void aPageNeedsATitleAndOnePlainMain() {
        assertThatIllegalStateException()
                .isThrownBy(() -> PageLayout.compose(LAYOUT, "<main><h1>Untitled</h1></main>", "/untitled.html"))
                .withMessageContaining("no <title>");
        assertThatIllegalStateException()
                .isThrownBy(() -> PageLayout.compose(LAYOUT,
                        "<title>T</title><main id=\"main\"><h1>T</h1></main>", "/own-main.html"))
                .withMessageContaining("exactly one <main>");
    }

    @Test
    void aHeaderInsideTheMainIsNotTakenForTheDocumentsHead() {
        String page = "<title>T</title>\n<main>\n  <header><h1>T</h1></header>\n</main>\n";

        assertThat(PageLayout.compose(LAYOUT, page, "/t.html")).contains("    <header><h1>T</h1></header>");
    }
}

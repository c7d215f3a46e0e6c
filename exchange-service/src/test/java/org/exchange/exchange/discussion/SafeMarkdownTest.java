package org.exchange.exchange.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Posts are rendered safely: Markdown keeps its formatting, and HTML or script in a post never comes out as anything
 * that runs. The attacks are a representative set from the OWASP XSS Filter Evasion Cheat Sheet
 * ({@code xss-filter-evasion-examples.txt}), written straight into the Markdown and inside Markdown's own links and
 * images.
 */
class SafeMarkdownTest {

    private static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "em", "strong", "ul", "ol", "li", "code", "pre",
            "blockquote", "a");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9:-]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");

    /** The examples of {@code xss-filter-evasion-examples.txt}, which ExchangePortalIT posts in the browser too. */
    static Stream<String> owaspFilterEvasionExamples() throws IOException {
        try (InputStream examples = SafeMarkdownTest.class.getResourceAsStream("/xss-filter-evasion-examples.txt")) {
            List<String> attacks = new String(examples.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("\\n", "\n")).toList();
            assertThat(attacks).as("the examples").hasSizeGreaterThan(60);
            return attacks.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("owaspFilterEvasionExamples")
    void nothingExecutableSurvivesAnXssFilterEvasionExample(String attack) {
        String html = SafeMarkdown.html(attack);

        assertThat(executableParts(html)).as("what could run in %s", html).isEmpty();
    }

    /** ExchangePortalIT posts them all in one reply, so they must fit one and stay harmless side by side. */
    @Test
    void everyExampleInOnePostFitsAPostAndLeavesNothingExecutable() throws IOException {
        String post = String.join("\n\n", owaspFilterEvasionExamples().toList());

        assertThat(post.length()).isLessThan(DiscussionController.MAX_TEXT / 2);
        assertThat(executableParts(SafeMarkdown.html(post))).isEmpty();
    }

    @Test
    void markdownKeepsParagraphsEmphasisListsCodeAndQuotations() {
        String html = SafeMarkdown.html("""
                Fractions **stick** when learners *use* them.

                - fold paper
                - share pizzas

                1. first
                2. second

                > what works

                Use `1/2` and

                    code block
                """);

        assertThat(html).contains("<strong>stick</strong>", "<em>use</em>", "<ul><li>fold paper</li>",
                "<ol><li>first</li>", "<blockquote>", "<code>1/2</code>", "<pre><code>code block");
    }

    @Test
    void linksToHttpsAndMailtoOpenWithNofollowNoopenerAndOthersLoseTheirAddress() {
        String html = SafeMarkdown.html("[guide](https://example.org/guide) or [mail](mailto:lead@example.org)");
        assertThat(relInOneOrder(html))
                .isEqualTo("<p><a href=\"https://example.org/guide\" rel=\"nofollow noopener\">guide</a> or "
                        + "<a href=\"mailto:lead&#64;example.org\" rel=\"nofollow noopener\">mail</a></p>\n");
        assertThat(SafeMarkdown.html("[plain](http://example.org/guide) [run](javascript:alert(1))"))
                .isEqualTo("<p>plain run</p>\n");
    }

    @Test
    void headingsImagesAndTablesAreNotKeptButTheirWordsAre() {
        assertThat(SafeMarkdown.html("# Big title\n\n![a chart](https://example.org/c.png)"))
                .doesNotContain("<h1", "<img").contains("Big title");
    }

    /** The sanitizer writes the two rel values in either order (they are a set). */
    static String relInOneOrder(String html) {
        return html.replace("rel=\"noopener nofollow\"", "rel=\"nofollow noopener\"");
    }

    /** Tags outside the allow-list, attributes other than a link's address and rel, and addresses that run. */
    static List<String> executableParts(String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            if (!ALLOWED_TAGS.contains(name)) {
                found.add("tag " + name);
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            String rest = ATTRIBUTE.matcher(tag.group(2)).replaceAll("").strip().replace("/", "");
            if (!rest.isEmpty()) {
                found.add("unparsed attribute text " + rest);
            }
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = attribute.group(2);
                if (!name.equals("a") || !Set.of("href", "rel").contains(attributeName)) {
                    found.add("attribute " + attributeName + " on " + name);
                } else if (attributeName.equals("href") && !value.startsWith("https://")
                        && !value.startsWith("mailto:")) {
                    found.add("address " + value);
                }
            }
        }
        return found;
    }
}

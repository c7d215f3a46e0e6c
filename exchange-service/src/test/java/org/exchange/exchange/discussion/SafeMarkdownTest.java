package org.exchange.exchange.discussion;

import static org.assertj.core.api.Assertions.assertThat;

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
 * that runs. The attacks are a representative set from the OWASP XSS Filter Evasion Cheat Sheet (script tags, event
 * handlers, javascript:, vbscript: and data: URLs with encoded and obfuscated variants, svg/onload, style expressions,
 * frames and objects), written straight into the Markdown and inside Markdown's own links and images.
 */
class SafeMarkdownTest {

    private static final Set<String> ALLOWED_TAGS = Set.of("p", "br", "em", "strong", "ul", "ol", "li", "code", "pre",
            "blockquote", "a");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z0-9:-]+)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");

    static Stream<String> owaspFilterEvasionExamples() {
        return Stream.of(
                "<SCRIPT SRC=https://xss.test/xss.js></SCRIPT>",
                "<script>alert('XSS')</script>",
                "<SCRIPT/XSS SRC=\"https://xss.test/xss.js\"></SCRIPT>",
                "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
                "<SCRIPT SRC=//xss.test/.j>",
                "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
                "\"><script>alert(document.cookie)</script>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=javascript:alert('XSS')>",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
                "<IMG SRC=# onmouseover=\"alert('xxs')\">",
                "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
                "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105"
                        + "&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040"
                        + "&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;"
                        + "&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28"
                        + "&#x27&#x58&#x53&#x53&#x27&#x29>",
                "<IMG SRC=\"jav\tascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<a href=\"javascript:alert('XSS')\">click</a>",
                "<a href=\"jAvAsCrIpT&colon;alert(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">click</a>",
                "<a href=\"vbscript:msgbox('XSS')\">click</a>",
                "<svg/onload=alert('XSS')>",
                "<svg><script>alert(1)</script></svg>",
                "<BODY ONLOAD=alert('XSS')>",
                "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
                "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
                "<BGSOUND SRC=\"javascript:alert('XSS');\">",
                "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
                "<STYLE>@import'https://xss.test/xss.css';</STYLE>",
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
                "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
                "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
                "<DIV STYLE=\"width: expression(alert('XSS'));\">",
                "<p style=\"behavior: url(xss.htc);\">x</p>",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
                "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
                "<IFRAME SRC=# onmouseover=\"alert(document.cookie)\"></IFRAME>",
                "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
                "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
                "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.test/scriptlet.html\"></OBJECT>",
                "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48L3N2Zz4K\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
                "<BASE HREF=\"javascript:alert('XSS');//\">",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<details open ontoggle=alert(1)>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\" target=\"_blank\" style=\"color:red\">ok</a>",
                "%3Cscript%3Ealert(1)%3C/script%3E",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "[click](javascript:alert('XSS'))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click](vbscript:msgbox(1))",
                "[click](javascript&#58;alert(1))",
                "[click](http://example.org \"x\\\" onmouseover=\\\"alert(1)\")",
                "![x](javascript:alert(1))",
                "![x\" onerror=\"alert(1)](https://example.org/a.png)",
                "<javascript:alert(1)>",
                "`<script>alert(1)</script>` and\n\n    <script>alert(2)</script>",
                "> <img src=x onerror=alert(1)>\n\n* <svg onload=alert(1)>");
    }

    @ParameterizedTest
    @MethodSource("owaspFilterEvasionExamples")
    void nothingExecutableSurvivesAnXssFilterEvasionExample(String attack) {
        String html = SafeMarkdown.html(attack);

        assertThat(executableParts(html)).as("what could run in %s", html).isEmpty();
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

package org.exchange.exchange.discussion;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A post's Markdown as HTML that can be put into a page as it stands: commonmark renders it (raw HTML in the Markdown
 * escaped as text, unsafe link schemes dropped) and the OWASP sanitizer then keeps only a small allow-list, so that a
 * fault in either still leaves nothing that runs: paragraphs, emphasis, lists, code, quotations and links to https or
 * mailto addresses, which open with {@code rel="nofollow noopener"}.
 */
final class SafeMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "ul", "ol", "li", "code", "pre", "blockquote", "a")
            .allowUrlProtocols("https", "mailto")
            // commonmark leaves an unsafe address empty: a link without one is no link (its words stay)
            .allowAttributes("href").matching((element, attribute, value) -> value.isBlank() ? null : value)
            .onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private SafeMarkdown() {
    }

    /** The sanitised HTML of the Markdown. */
    static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}

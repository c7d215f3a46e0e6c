package org.exchange.notification.newsletter;

import java.util.UUID;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.exchange.notification.mail.MailLayout;
import org.exchange.notification.preference.Category;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An issue as people read it: its Markdown rendered to HTML (commonmark; raw HTML in the Markdown is escaped, unsafe
 * link schemes dropped), laid out like every mail, with a plain-text part that is the Markdown itself.
 */
@Component
class NewsletterRendering {

    /** Where a sent issue is read on the web, below the public base url: the portal's public archive page. */
    static final String ARCHIVE_PATH = "/newsletters.html?issue=";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final MailLayout layout;
    private final String publicBaseUrl;

    NewsletterRendering(MailLayout layout,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.layout = layout;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The body's HTML, as the copies carry it (the layout is added when each is sent). */
    String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** The issue as a recipient's copy shows it, with a sample unsubscribe link. */
    MailLayout.Parts preview(NewsletterIssue issue) {
        return layout.render(new MailLayout.Letter(issue.title(), issue.markdown(), html(issue.markdown()),
                publicBaseUrl + "/api/notifications/unsubscribe/(a-link-for-each-person)", Category.NEWSLETTER,
                webUrl(issue.id()), false));
    }

    /** The issue as the archive shows it: the same layout, without anyone's unsubscribe link. */
    String archivePage(NewsletterIssue issue, String frozenHtml) {
        return layout.render(new MailLayout.Letter(issue.title(), issue.markdown(), frozenHtml, null,
                Category.NEWSLETTER, null, false)).html();
    }

    String webUrl(UUID issueId) {
        return publicBaseUrl + ARCHIVE_PATH + issueId;
    }
}

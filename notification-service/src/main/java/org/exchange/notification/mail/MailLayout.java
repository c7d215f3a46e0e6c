package org.exchange.notification.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exchange.notification.preference.Category;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The one layout every mail goes out in, from the Thymeleaf templates {@code mail/layout.html} and
 * {@code mail/layout.txt}: a plain-text part and an accessible HTML part, each with the unsubscribe footer when the
 * mail has a link, and a link to the web version when there is one.
 */
@Component
public class MailLayout {

    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");
    private final String portalUrl;

    public MailLayout(@Value("${exchange.notification.public-base-url:http://localhost:8080}") String portalUrl) {
        this.portalUrl = portalUrl;
    }

    /**
     * What a mail says before it is laid out.
     *
     * @param text the plain text, always
     * @param html HTML written for the mail (the newsletter's Markdown, rendered), or null to present the text
     * @param unsubscribeUrl the one-click unsubscribe link, or null for a transactional mail
     * @param category the mail's category, named in the footer; null for a transactional mail
     * @param webVersionUrl where it can be read on the web, or null
     * @param inFeed whether the same notice is in the person's feed
     */
    public record Letter(String subject, String text, String html, String unsubscribeUrl, Category category,
            String webVersionUrl, boolean inFeed) {
    }

    /** The two parts of a mail. */
    public record Parts(String text, String html) {
    }

    /** Lays a mail out in both parts. */
    public Parts render(Letter letter) {
        Context context = new Context(Locale.UK);
        context.setVariable("subject", letter.subject());
        context.setVariable("text", letter.text().strip());
        context.setVariable("html", letter.html());
        context.setVariable("paragraphs", paragraphs(letter.text()));
        context.setVariable("unsubscribeUrl", letter.unsubscribeUrl());
        context.setVariable("categoryLabel", letter.category() == null ? "" : lowerFirst(letter.category().label()));
        context.setVariable("webVersionUrl", letter.webVersionUrl());
        context.setVariable("inFeed", letter.inFeed());
        context.setVariable("transactional", letter.category() == null || letter.category().transactional());
        context.setVariable("portalUrl", portalUrl);
        return new Parts(text.process("layout", context), html.process("layout", context));
    }

    /**
     * A mail's own content written from a pair of templates, {@code mail/<name>.txt} and {@code mail/<name>.html}
     * (the HTML escaped as Thymeleaf escapes it), before it is laid out: give the parts to {@link MailQueue} as the
     * mail's text and HTML.
     */
    public Parts write(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.UK);
        context.setVariables(variables);
        context.setVariable("portalUrl", portalUrl);
        return new Parts(text.process(template, context).strip(), html.process(template, context));
    }

    /** Plain text cut where it has blank lines; line breaks within a paragraph are kept by the layout. */
    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}

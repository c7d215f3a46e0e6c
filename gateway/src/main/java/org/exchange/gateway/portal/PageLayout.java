package org.exchange.gateway.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one layout every portal page is served in (ADR 0017). A page's file under {@code static/} holds only what is
 * its own: its {@code <title>}, its scripts and any stylesheet of its own, then its {@code <main>}. The layout
 * ({@code portal/layout.html}) adds the rest: the document, the shared head, the skip link and the main landmark it
 * leads to. The header, navigation and footer are then built by {@code js/shell.js}.
 */
@Component
public class PageLayout {

    static final String PAGE_HEAD = "<!--page head-->";
    static final String PAGE_MAIN = "<!--page main-->";
    private static final Pattern WHOLE_DOCUMENT = Pattern.compile("(?i)<!doctype|<(html|head|body)[\\s>]");
    private static final String MAIN = "<main>";
    private static final String MAIN_END = "</main>";

    private final PortalFiles files;
    private final Resource layout;

    PageLayout(PortalFiles files, ResourceLoader resources,
            @Value("${exchange.gateway.portal.layout}") String layout) {
        this.files = files;
        this.layout = resources.getResource(layout);
    }

    /** Whether the portal has a page at this address ({@code /admin/audit.html}). */
    public boolean hasPage(String path) {
        return path.endsWith(".html") && files.find(path).isPresent();
    }

    /**
     * The page at this address in the layout, or empty if the portal has no such page. Both files are read on each
     * call (off the event loop), so that an edited page or layout shows on reload when the local platform serves the
     * sources.
     */
    public Mono<String> render(String path) {
        if (!path.endsWith(".html")) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> files.find(path)
                        .map(page -> compose(read(layout), read(page), path))
                        .orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The page's own head and main put into the layout; a page that is not in the pages' form is an error. */
    static String compose(String layout, String page, String name) {
        if (WHOLE_DOCUMENT.matcher(page).find()) {
            throw new IllegalStateException(name + " is a whole document: a portal page holds only its <title>, its "
                    + "scripts and its <main>, and the gateway serves it in the one layout (ADR 0017)");
        }
        int main = page.indexOf(MAIN);
        int end = page.lastIndexOf(MAIN_END);
        if (main < 0 || end < main || page.indexOf(MAIN, main + 1) >= 0) {
            throw new IllegalStateException(name + " needs exactly one <main>, without attributes: the layout gives "
                    + "it the id the skip link leads to (ADR 0017)");
        }
        String head = page.substring(0, main);
        if (!head.contains("<title>")) {
            throw new IllegalStateException(name + " has no <title> before its <main>");
        }
        return insert(insert(layout, PAGE_HEAD, head), PAGE_MAIN, page.substring(main + MAIN.length(), end));
    }

    /** Puts the block where the placeholder stands, each of its lines indented as the placeholder is. */
    private static String insert(String layout, String placeholder, String block) {
        int at = layout.indexOf(placeholder);
        if (at < 0) {
            throw new IllegalStateException("The portal's layout has no " + placeholder);
        }
        int lineStart = layout.lastIndexOf('\n', at) + 1;
        String indent = layout.substring(lineStart, at);
        // without its trailing blank line, so that the block's own indentation is what stripIndent takes away
        String indented = block.stripTrailing().stripIndent().lines()
                .dropWhile(String::isBlank)
                .map(line -> line.isBlank() ? "" : indent + line)
                .collect(Collectors.joining("\n"));
        return layout.substring(0, lineStart) + indented + layout.substring(at + placeholder.length());
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the portal's " + resource.getDescription(), e);
        }
    }
}

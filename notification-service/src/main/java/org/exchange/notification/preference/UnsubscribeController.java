package org.exchange.notification.preference;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe (RFC 8058), without signing in: the link in a mail's {@code List-Unsubscribe} header is the
 * credential. A mail client POSTs to it; a person who opens it in a browser sees what it would do and confirms.
 */
@RestController
@RequestMapping(UnsubscribeLinks.PATH + "{token}")
@Validated
@Tag(name = "Unsubscribe")
class UnsubscribeController {

    private static final String TOKEN = "[A-Za-z0-9_-]{20,100}";

    private final PreferenceService preferences;

    UnsubscribeController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "Shows what the link would switch off, with a button to confirm; changes nothing")
    @ApiResponse(responseCode = "200", description = "A page naming the category",
            content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "The link is not known",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> confirm(@PathVariable @Pattern(regexp = TOKEN) String token) {
        Category category = preferences.categoryOf(token);
        return page("Stop these e-mails?", """
                <p>This stops e-mails about: %s. They will still appear in your feed on the portal.</p>
                <form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Stop these e-mails</button></form>""".formatted(escape(category.label())));
    }

    @PostMapping
    @Operation(summary = "Switches off the e-mails of the link's category for its recipient (one click, no sign-in)",
            description = "What a mail client sends for List-Unsubscribe-Post: List-Unsubscribe=One-Click. "
                    + "Repeating it is harmless.")
    @ApiResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "The link is not known",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> unsubscribe(@PathVariable @Pattern(regexp = TOKEN) String token) {
        Category category = preferences.unsubscribe(token);
        return page("You have been unsubscribed", """
                <p>You will no longer get e-mails about: %s. They will still appear in your feed on the portal,
                and you can switch them back on from your notification preferences at any time.</p>"""
                .formatted(escape(category.label())));
    }

    private static ResponseEntity<String> page(String title, String content) {
        // HTML only on success; failures are problem details like everywhere else in the API
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body("""
                <!doctype html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1>
                %s
                </body></html>
                """.formatted(title, title, content));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}

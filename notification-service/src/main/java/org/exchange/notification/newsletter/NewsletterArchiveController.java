package org.exchange.notification.newsletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The newsletter's public archive: the issues sent, each readable on the web without signing in. */
@RestController
@RequestMapping("/api/notifications/newsletters/archive")
@Tag(name = "Newsletter archive")
class NewsletterArchiveController {

    private final NewsletterService newsletters;

    NewsletterArchiveController(NewsletterService newsletters) {
        this.newsletters = newsletters;
    }

    @GetMapping
    @Operation(summary = "The issues sent, newest first")
    List<ArchivedIssue> archive() {
        return newsletters.archive().stream()
                .map(issue -> new ArchivedIssue(issue.id(), issue.title(), issue.startedAt())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One sent issue as a web page (the link in every copy)")
    @ApiResponse(responseCode = "200", description = "The issue's page", content = @Content(mediaType = "text/html"))
    @ApiResponse(responseCode = "404", description = "No such issue has been sent",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> page(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(newsletters.archivePage(id));
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "One sent issue's title, time and body as HTML, for the portal's archive page")
    @ApiResponse(responseCode = "200", description = "The issue")
    @ApiResponse(responseCode = "404", description = "No such issue has been sent",
            content = @Content(mediaType = "application/problem+json"))
    IssueContent content(@PathVariable UUID id) {
        NewsletterService.SentIssue sent = newsletters.sentIssue(id);
        return new IssueContent(sent.issue().id(), sent.issue().title(), sent.issue().startedAt(), sent.html());
    }

    /** A sent issue in the archive's list. */
    record ArchivedIssue(UUID id, String title, Instant sentAt) {
    }

    /** A sent issue to read: its body is the HTML every copy carried (rendered from Markdown, raw HTML escaped). */
    record IssueContent(UUID id, String title, Instant sentAt, String html) {
    }
}

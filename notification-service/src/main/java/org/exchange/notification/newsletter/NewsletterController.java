package org.exchange.notification.newsletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.notification.programme.ProgrammeNews;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The programme admin's newsletter: drafting, previewing, testing, choosing the audience, scheduling, progress. */
@RestController
@RequestMapping("/api/notifications/newsletters")
@PreAuthorize("hasRole('programme-admin')")
@Validated
@Tag(name = "Newsletter")
class NewsletterController {

    private final NewsletterService newsletters;
    private final ProgrammeNews programme;

    NewsletterController(NewsletterService newsletters, ProgrammeNews programme) {
        this.newsletters = newsletters;
        this.programme = programme;
    }

    @GetMapping
    @Operation(summary = "Every issue, newest first, with how far each has been sent")
    List<IssueView> issues() {
        return newsletters.all().stream().map(issue -> IssueView.of(issue, newsletters.progress(issue.id()))).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Drafts a new issue from the quarter's facts: outcomes published, events coming up, groups "
            + "forming")
    IssueView draft(Caller caller, @RequestBody @Valid NewDraft draft) {
        NewsletterIssue issue = newsletters.draft(caller.subjectId(), draft.title(),
                draft.audience() == null ? null : draft.audience().toAudience());
        return IssueView.of(issue, newsletters.progress(issue.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One issue with its Markdown and its progress")
    IssueView issue(@PathVariable UUID id) {
        return IssueView.of(newsletters.get(id), newsletters.progress(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a draft's title, text (Markdown) and audience; only a draft can change")
    IssueView edit(@PathVariable UUID id, @RequestBody @Valid IssueChange change) {
        NewsletterIssue issue = newsletters.edit(id, change.title(), change.markdown(), change.audience().toAudience());
        return IssueView.of(issue, newsletters.progress(id));
    }

    @GetMapping("/{id}/preview")
    @Operation(summary = "The issue as a recipient's copy shows it: the HTML part and the plain-text part")
    Preview preview(@PathVariable UUID id) {
        var parts = newsletters.preview(id);
        return new Preview(newsletters.get(id).title(), parts.html(), parts.text());
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Sends the issue as it stands to the caller's own address, marked [Test]")
    TestSent sendTest(Caller caller, @PathVariable UUID id) {
        newsletters.sendTest(id, caller.subjectId(), caller.email());
        return new TestSent(caller.email());
    }

    @PostMapping("/{id}/schedule")
    @Operation(summary = "Schedules the issue: at sendAt, or now when it is left out; its audience must reach someone")
    IssueView schedule(@PathVariable UUID id, @RequestBody @Valid Schedule schedule) {
        NewsletterIssue issue = newsletters.schedule(id, schedule.sendAt());
        return IssueView.of(issue, newsletters.progress(id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Takes back a scheduled issue before it starts; it is a draft again")
    IssueView cancel(@PathVariable UUID id) {
        return IssueView.of(newsletters.cancel(id), newsletters.progress(id));
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "How far the issue has been sent: copies queued, sent and failed")
    NewsletterService.Progress progress(@PathVariable UUID id) {
        return newsletters.progress(id);
    }

    @GetMapping("/{id}/failures")
    @Operation(summary = "Copies given up on, with the SMTP server's reply")
    List<NewsletterIssues.Failure> failures(@PathVariable UUID id) {
        return newsletters.failures(id);
    }

    @PostMapping("/{id}/failures/resend")
    @Operation(summary = "Queues again every copy of the issue that was given up on")
    Resent resend(@PathVariable UUID id) {
        return new Resent(newsletters.resendFailures(id));
    }

    @GetMapping("/audiences")
    @Operation(summary = "The audiences to choose from, each with how many people it reaches now")
    List<AudienceOption> audiences() {
        Audiences.Counts counts = newsletters.audienceCounts();
        List<AudienceOption> options = new ArrayList<>();
        options.add(option(counts, Audience.Segment.CONSENTED, null, "Everyone who agreed to the newsletter"));
        options.add(option(counts, Audience.Segment.MEMBERS, null, "Learning Exchange members (active memberships)"));
        programme.networks().forEach(network -> options.add(option(counts, Audience.Segment.NETWORK,
                network.id().toString(), "Participants of " + network.name())));
        programme.organisations().forEach(organisation -> options.add(option(counts,
                Audience.Segment.ORGANISATION, organisation.id(), "Staff of " + organisation.name())));
        return options;
    }

    @GetMapping("/audiences/count")
    @Operation(summary = "How many people one audience reaches now")
    AudienceOption audienceCount(@RequestParam Audience.Segment segment,
            @RequestParam(required = false) @Size(max = 100) String ref) {
        Audience audience = new Audience(segment, ref);
        return new AudienceOption(segment, ref, segment.name(), newsletters.audienceCount(audience));
    }

    private static AudienceOption option(Audiences.Counts counts, Audience.Segment segment, String ref,
            String label) {
        return new AudienceOption(segment, ref, label, counts.of(new Audience(segment, ref)));
    }

    /** A new draft; both may be left out. */
    record NewDraft(@Size(max = 200) String title, @Valid AudienceChoice audience) {
    }

    /** An audience as the API names it. */
    record AudienceChoice(@NotNull Audience.Segment segment,
            @Size(max = 100) @Schema(description = "network id or organisation id, for those segments") String ref) {

        Audience toAudience() {
            return new Audience(segment, ref);
        }
    }

    /** A draft's new contents. */
    record IssueChange(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100_000) String markdown,
            @NotNull @Valid AudienceChoice audience) {
    }

    /** When to send: null for now. */
    record Schedule(Instant sendAt) {
    }

    /** An issue as the admin's pages show it. */
    record IssueView(UUID id, String title, String markdown, AudienceChoice audience, NewsletterIssue.Status status,
            Instant sendAt, Instant createdAt, Instant startedAt, Instant finishedAt,
            NewsletterService.Progress progress) {

        static IssueView of(NewsletterIssue issue, NewsletterService.Progress progress) {
            return new IssueView(issue.id(), issue.title(), issue.markdown(),
                    new AudienceChoice(issue.audience().segment(), issue.audience().ref()), issue.status(),
                    issue.sendAt(), issue.createdAt(), issue.startedAt(), issue.finishedAt(), progress);
        }
    }

    /** The two parts of a copy. */
    record Preview(String subject, String html, String text) {
    }

    /** Where the test went. */
    record TestSent(String sentTo) {
    }

    /** How many copies were queued again. */
    record Resent(int queued) {
    }

    /** An audience with how many it reaches. */
    record AudienceOption(Audience.Segment segment, String ref, String label, int count) {
    }
}

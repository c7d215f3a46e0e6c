package org.exchange.notification.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.notification.mail.MailLayout;
import org.exchange.notification.mail.MailQueue;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The newsletter's use cases: draft an issue from the quarter's facts, edit it, preview it, send a test, count and
 * choose its audience, schedule it or take it back, and start it when it is due. Starting queues one copy per person
 * in one transaction (all or none); the mail sender then sends the copies, each exactly once, resuming after a crash
 * where it stopped.
 */
@Service
class NewsletterService {

    private static final Logger log = LoggerFactory.getLogger(NewsletterService.class);

    private final NewsletterIssues issues;
    private final Audiences audiences;
    private final NewsletterDrafting drafting;
    private final NewsletterRendering rendering;
    private final MailQueue mail;
    private final TransactionTemplate transaction;
    private final Clock clock;

    NewsletterService(NewsletterIssues issues, Audiences audiences, NewsletterDrafting drafting,
            NewsletterRendering rendering, MailQueue mail, TransactionTemplate transaction, Clock clock) {
        this.issues = issues;
        this.audiences = audiences;
        this.drafting = drafting;
        this.rendering = rendering;
        this.mail = mail;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A new draft, written from the quarter's facts; the title and audience may be given. */
    @Transactional
    NewsletterIssue draft(UUID author, String title, Audience audience) {
        Audience to = audience == null ? new Audience(Audience.Segment.CONSENTED, null) : audience;
        Instant now = clock.instant();
        NewsletterIssue issue = new NewsletterIssue(UUID.randomUUID(),
                title == null || title.isBlank() ? drafting.title() : title.strip(), drafting.markdown(to), to,
                NewsletterIssue.Status.DRAFT, null, null, author, now, now, null, null);
        issues.add(issue);
        return issue;
    }

    @Transactional(readOnly = true)
    NewsletterIssue get(UUID id) {
        return issues.find(id).orElseThrow(() -> new NotFoundException("No newsletter issue " + id));
    }

    @Transactional(readOnly = true)
    List<NewsletterIssue> all() {
        return issues.all();
    }

    @Transactional
    NewsletterIssue edit(UUID id, String title, String markdown, Audience audience) {
        NewsletterIssue edited = get(id).edited(title.strip(), markdown, audience, clock.instant());
        save(edited, NewsletterIssue.Status.DRAFT);
        return edited;
    }

    /** Schedules the issue for {@code when}, or to start now when null; it must reach someone. */
    @Transactional
    NewsletterIssue schedule(UUID id, Instant when) {
        Instant now = clock.instant();
        NewsletterIssue issue = get(id);
        if (audiences.count(issue.audience()) == 0) {
            throw new InvalidRequestException("Nobody in this audience has agreed to the newsletter: choose another");
        }
        NewsletterIssue scheduled = issue.scheduled(when == null || when.isBefore(now) ? now : when, now);
        save(scheduled, NewsletterIssue.Status.DRAFT);
        return scheduled;
    }

    /** Takes back a scheduled issue that has not started: a draft again. */
    @Transactional
    NewsletterIssue cancel(UUID id) {
        NewsletterIssue draft = get(id).unscheduled(clock.instant());
        save(draft, NewsletterIssue.Status.SCHEDULED);
        return draft;
    }

    @Transactional(readOnly = true)
    int audienceCount(Audience audience) {
        return audiences.count(audience);
    }

    /** How many people each audience reaches, read at once (the portal lists every network and organisation). */
    @Transactional(readOnly = true)
    Audiences.Counts audienceCounts() {
        return audiences.counts();
    }

    @Transactional(readOnly = true)
    MailLayout.Parts preview(UUID id) {
        return rendering.preview(get(id));
    }

    /** Sends the issue as it stands to one address (the admin's own), marked as a test. */
    @Transactional
    void sendTest(UUID id, UUID to, String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("Your account has no e-mail address to send a test to");
        }
        NewsletterIssue issue = get(id);
        mail.enqueueWritten(to, email, "[Test] " + issue.title(), issue.markdown(), rendering.html(issue.markdown()),
                rendering.webUrl(id));
    }

    /** How far the issue's sending has got. */
    @Transactional(readOnly = true)
    Progress progress(UUID id) {
        NewsletterIssue issue = get(id);
        Map<String, Integer> counts = issues.copiesByStatus(id);
        int queued = counts.getOrDefault("PENDING", 0) + counts.getOrDefault("SENDING", 0);
        return new Progress(issue.status(), issue.recipients() == null ? 0 : issue.recipients(), queued,
                counts.getOrDefault("SENT", 0), counts.getOrDefault("FAILED", 0),
                counts.getOrDefault("CANCELLED", 0), counts.getOrDefault("BOUNCED", 0));
    }

    @Transactional(readOnly = true)
    List<NewsletterIssues.Failure> failures(UUID id) {
        get(id);
        return issues.failures(id, 500);
    }

    /** Queues again every copy of the issue that was given up on; answers how many. */
    @Transactional
    int resendFailures(UUID id) {
        NewsletterIssue issue = get(id);
        int queued = 0;
        for (NewsletterIssues.Failure failure : issues.failures(id, Integer.MAX_VALUE)) {
            if (mail.requeue(failure.mailId())) {
                queued++;
            }
        }
        if (queued > 0 && issue.status() == NewsletterIssue.Status.SENT) {
            issues.reopen(id, clock.instant());
        }
        return queued;
    }

    @Transactional(readOnly = true)
    List<NewsletterIssue> archive() {
        return issues.sent();
    }

    /** A sent issue's page on the web. */
    @Transactional(readOnly = true)
    String archivePage(UUID id) {
        SentIssue sent = sentIssue(id);
        return rendering.archivePage(sent.issue(), sent.html());
    }

    /** An issue that has started sending, with the body HTML its copies carry. */
    record SentIssue(NewsletterIssue issue, String html) {
    }

    /** An issue that has started sending, with its body; any other is not found, so drafts stay unseen. */
    @Transactional(readOnly = true)
    SentIssue sentIssue(UUID id) {
        NewsletterIssue issue = issues.find(id).filter(i -> i.status() == NewsletterIssue.Status.SENT
                || i.status() == NewsletterIssue.Status.SENDING)
                .orElseThrow(() -> new NotFoundException("No newsletter issue " + id + " has been sent"));
        return new SentIssue(issue, issues.html(id).orElseGet(() -> rendering.html(issue.markdown())));
    }

    /**
     * Starts each issue that is due: freezes its HTML and queues one copy per person in its audience, in one
     * transaction per issue, so an issue starts whole or not at all, on one instance only. Then marks finished the
     * issues whose copies have all been sent or given up on.
     */
    @Scheduled(fixedDelayString = "${exchange.newsletter.poll-interval:PT2S}")
    void startDueAndFinishSent() {
        Boolean started;
        do {
            started = transaction.execute(status -> issues.lockDue(clock.instant()).map(issue -> {
                Instant now = clock.instant();
                int copies = audiences.queueCopies(issue.id(), issue.audience(), rendering.webUrl(issue.id()), now);
                issues.started(issue.id(), rendering.html(issue.markdown()), copies, now);
                log.info("Newsletter issue {} ({}) started: {} copies queued", issue.id(), issue.title(), copies);
                return true;
            }).orElse(false));
        } while (Boolean.TRUE.equals(started));
        transaction.executeWithoutResult(status -> issues.finishSent(clock.instant()));
    }

    /**
     * Sums each audience's count rows into one, so that a count stays a read of a row or a few however many changes
     * came (docs/adr/0027); the counts do not change. Any number of instances may do it at once.
     */
    @Scheduled(fixedDelayString = "${exchange.newsletter.audience-fold-interval:PT10S}")
    void foldAudienceCounts() {
        long folded = audiences.fold();
        if (folded > 0) {
            log.debug("Folded {} newsletter audience count rows", folded);
        }
    }

    private void save(NewsletterIssue issue, NewsletterIssue.Status expected) {
        if (!issues.update(issue, expected)) {
            throw new ConflictException("Issue " + issue.id() + " changed meanwhile; reload it");
        }
    }

    /**
     * How far an issue's sending has got.
     *
     * @param recipients copies queued when it started
     * @param queued copies waiting or being sent
     * @param failed copies given up on (ops can resend them)
     * @param cancelled copies of people erased before theirs went
     */
    record Progress(NewsletterIssue.Status status, int recipients, int queued, int sent, int failed, int cancelled,
            int bounced) {
    }
}

package org.exchange.notification.newsletter;

import java.time.Instant;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;

/**
 * An issue of the newsletter: written as a draft, scheduled (now or for a time), sent to its audience one copy per
 * person, then kept in the archive.
 *
 * @param sendAt when it is to be sent, once scheduled
 * @param recipients how many copies were queued when sending started
 */
public record NewsletterIssue(UUID id, String title, String markdown, Audience audience, Status status,
        Instant sendAt, Integer recipients, UUID createdBy, Instant createdAt, Instant updatedAt, Instant startedAt,
        Instant finishedAt) {

    /** Where an issue stands. */
    public enum Status {
        DRAFT, SCHEDULED, SENDING, SENT
    }

    /** The issue with new text and audience; only a draft can change. */
    NewsletterIssue edited(String newTitle, String newMarkdown, Audience newAudience, Instant at) {
        requireStatus(Status.DRAFT, "edited");
        return new NewsletterIssue(id, newTitle, newMarkdown, newAudience, status, sendAt, recipients, createdBy,
                createdAt, at, startedAt, finishedAt);
    }

    /** The issue scheduled to go at {@code when} (now, or later). */
    NewsletterIssue scheduled(Instant when, Instant at) {
        requireStatus(Status.DRAFT, "scheduled");
        return new NewsletterIssue(id, title, markdown, audience, Status.SCHEDULED, when, recipients, createdBy,
                createdAt, at, startedAt, finishedAt);
    }

    /** A scheduled issue taken back before it started: a draft again. */
    NewsletterIssue unscheduled(Instant at) {
        requireStatus(Status.SCHEDULED, "cancelled (only a scheduled issue that has not started can be)");
        return new NewsletterIssue(id, title, markdown, audience, Status.DRAFT, null, recipients, createdBy,
                createdAt, at, startedAt, finishedAt);
    }

    private void requireStatus(Status wanted, String what) {
        if (status != wanted) {
            throw new ConflictException("Issue " + id + " is " + status.name().toLowerCase() + ": it cannot be "
                    + what);
        }
    }
}

package org.exchange.notification.mail;

import java.time.Instant;
import java.util.UUID;

import org.exchange.notification.preference.Category;

/**
 * An e-mail waiting to be sent, being sent, sent, or given up on after its attempts. Its id is also its Message-ID,
 * so that a copy sent again after an unknown outcome is recognisable as the same message.
 *
 * @param notificationId the feed entry it belongs to (one mail per notification at most), or null
 * @param recipientId the person it is for, or null when only the address is known
 * @param htmlBody the HTML written for it, or null: the layout then presents the plain text
 * @param unsubscribeCategory the category a one-click unsubscribe link (RFC 8058) in it switches off, or null when
 *        transactional
 * @param webUrl where it can be read on the web, or null
 * @param newsletterIssueId the newsletter issue it is a copy of, or null
 * @param unsubscribeUrl a link stored in plain text before links were issued at sending; null for every newer mail
 * @param attempts the attempts begun, counted when the mail is claimed
 * @param claim the sender that holds it while {@link Status#SENDING}
 */
public record OutgoingMail(
        UUID id,
        UUID notificationId,
        UUID recipientId,
        String recipient,
        String subject,
        String body,
        String htmlBody,
        Category unsubscribeCategory,
        String webUrl,
        UUID newsletterIssueId,
        String unsubscribeUrl,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        UUID claim) {

    /** Where a mail stands. */
    public enum Status {
        /** Waiting for its (next) attempt. */
        PENDING,
        /** Claimed by a sender until its lease runs out. */
        SENDING,
        SENT,
        /** Given up on: a permanent SMTP failure or the last attempt; ops can queue it again. */
        FAILED,
        /**
         * Accepted by the receiving server and later returned undelivered (a delivery status notification); after a
         * hard bounce the address gets no more newsletters.
         */
        BOUNCED,
        /** Never to be sent: its recipient asked for erasure before it went, or its newsletter was cancelled. */
        CANCELLED
    }
}

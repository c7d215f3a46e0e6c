package org.exchange.notification.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail waiting to be sent, sent, or given up on after its attempts.
 *
 * @param notificationId the feed entry it belongs to; one mail per notification at most
 * @param unsubscribeUrl the one-click unsubscribe link (RFC 8058) for its headers, or null when transactional
 */
public record OutgoingMail(
        UUID id,
        UUID notificationId,
        String recipient,
        String subject,
        String body,
        String unsubscribeUrl,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError) {

    /** Where a mail stands. */
    public enum Status {
        PENDING, SENT, FAILED,
        /** Never to be sent: its recipient asked for erasure before it went. */
        CANCELLED
    }
}

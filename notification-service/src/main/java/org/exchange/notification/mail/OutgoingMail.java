package org.exchange.notification.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail waiting to be sent, sent, or given up on after its attempts.
 *
 * @param notificationId the feed entry it belongs to; one mail per notification at most
 */
public record OutgoingMail(
        UUID id,
        UUID notificationId,
        String recipient,
        String subject,
        String body,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        String lastError) {

    /** Where a mail stands. */
    public enum Status {
        PENDING, SENT, FAILED
    }
}

package org.exchange.notification.feed;

import java.time.Instant;
import java.util.UUID;

import org.exchange.notification.preference.Category;

/**
 * An entry in a person's in-portal feed.
 *
 * @param sourceEventId the integration event that caused it, so that the feed can be traced back
 * @param readAt when the person marked it read, or null
 */
public record Notification(
        UUID id,
        UUID recipientId,
        Category category,
        String title,
        String body,
        UUID sourceEventId,
        Instant createdAt,
        Instant readAt) {
}

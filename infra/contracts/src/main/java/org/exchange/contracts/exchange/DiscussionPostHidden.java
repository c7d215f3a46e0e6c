package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A facilitator (or a programme admin) hid a post with a reason: it no longer shows to readers, and whatever keeps
 * posts for later (the discussion digest) drops it. Record key and subject: threadId, as the post's
 * {@link DiscussionPostAdded}, so that it comes after it. Neither the reason nor the text is carried.
 *
 * @param postId the post hidden
 * @param threadId the thread it belongs to
 * @param spaceId the discussion space
 * @param hiddenAt when it was hidden
 */
@EventType(context = "exchange", name = "DiscussionPostHidden", version = 1)
public record DiscussionPostHidden(
        UUID postId,
        UUID threadId,
        UUID spaceId,
        Instant hiddenAt) {
}

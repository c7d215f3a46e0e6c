package org.exchange.exchange.discussion;

import java.time.Instant;
import java.util.UUID;

/** A thread of a discussion space: its title, and whether a facilitator pinned it to the top. */
record DiscussionThread(UUID id, UUID spaceId, String title, Instant startedAt, Instant lastPostAt,
        Instant pinnedAt) {

    boolean pinned() {
        return pinnedAt != null;
    }
}

package org.exchange.exchange.discussion;

import java.time.Instant;
import java.util.UUID;

/**
 * A post of a thread, its opening post or a reply.
 *
 * @param authorId its author, or null once they were erased (the post stays, as a former member's, without its text)
 * @param markdown the text as written; null once the author was erased
 * @param html the text rendered and sanitised ({@link SafeMarkdown}); null once the author was erased
 * @param whatWorksAt when a facilitator marked the reply as what works, or null
 * @param hiddenAt when a facilitator hid it, or null; {@code hiddenReason} says why
 */
record Post(UUID id, UUID threadId, boolean opensThread, UUID authorId, boolean authorErased, String markdown,
        String html, Instant postedAt, Instant whatWorksAt, Instant hiddenAt, String hiddenReason) {

    boolean hidden() {
        return hiddenAt != null;
    }
}

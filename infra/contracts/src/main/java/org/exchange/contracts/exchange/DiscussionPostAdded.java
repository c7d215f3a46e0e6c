package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A post was added to a discussion: a new thread's opening post or a reply. Record key and subject: threadId (a
 * thread's posts stay in order). The text is not carried: the recipients read it in the portal.
 *
 * @param postId the post
 * @param threadId the thread it belongs to
 * @param threadTitle the thread's title
 * @param opensThread whether the post started the thread
 * @param spaceId the discussion space
 * @param spaceKind GROUP, NETWORK or LEARNING_EXCHANGE
 * @param networkId the network of the space (a group's space: the group's network); null for the Learning Exchange's
 *     space, which belongs to no network
 * @param groupId the group whose space it is, or null for a network's or the Learning Exchange's space
 * @param authorId subject id of the author
 * @param mentionedPersonIds subject ids of the space's members the post mentions by name
 * @param groupMemberIds subject ids of a group space's members and facilitators other than the author (to notify);
 *     empty for any other space
 * @param postedAt when it was posted
 */
@EventType(context = "exchange", name = "DiscussionPostAdded", version = 1)
public record DiscussionPostAdded(
        UUID postId,
        UUID threadId,
        String threadTitle,
        boolean opensThread,
        UUID spaceId,
        String spaceKind,
        UUID networkId,
        UUID groupId,
        UUID authorId,
        List<UUID> mentionedPersonIds,
        List<UUID> groupMemberIds,
        Instant postedAt) {
}

package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * An outcome was published into the public outcomes library. Record key and subject: outcomeId.
 *
 * @param outcomeId the outcome
 * @param networkId the network it came from
 * @param groupId the group that produced it, or null
 * @param kind REPORT, CASE_STUDY, RESOURCE or OTHER
 * @param title its title
 * @param summary its summary
 * @param subjectArea the subject area or theme
 * @param licence the licence it is shared under
 * @param linkUrl where the file or resource is
 * @param authorNames author names as the publisher entered them
 * @param groupMemberIds subject ids of the group's members; empty when no group
 * @param publishedBy subject id of the publisher
 * @param publishedAt when it was published; for an outcome recorded afterwards, the date it came out
 * @param recordedAfterwards whether it was entered after it came out, as programme history (added later: null from
 *     publishers that predate it, meaning false)
 */
@EventType(context = "exchange", name = "OutcomePublished", version = 1)
public record OutcomePublished(
        UUID outcomeId,
        UUID networkId,
        UUID groupId,
        String kind,
        String title,
        String summary,
        String subjectArea,
        String licence,
        String linkUrl,
        List<String> authorNames,
        List<UUID> groupMemberIds,
        UUID publishedBy,
        Instant publishedAt,
        Boolean recordedAfterwards) {

    /** An outcome published as it came out. */
    public OutcomePublished(UUID outcomeId, UUID networkId, UUID groupId, String kind, String title, String summary,
            String subjectArea, String licence, String linkUrl, List<String> authorNames, List<UUID> groupMemberIds,
            UUID publishedBy, Instant publishedAt) {
        this(outcomeId, networkId, groupId, kind, title, summary, subjectArea, licence, linkUrl, authorNames,
                groupMemberIds, publishedBy, publishedAt, false);
    }
}

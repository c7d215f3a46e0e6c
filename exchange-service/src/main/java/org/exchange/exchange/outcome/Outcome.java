package org.exchange.exchange.outcome;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.exchange.history.RecordedAfterwards;

/**
 * An outcome in the public library: a report, case study, resource or something else a group (or a network) shares.
 *
 * @param groupId the group that produced it, or null for a network's own outcome
 * @param authorNames the authors as the publisher entered them, with their consent
 * @param linkUrl where the file or resource is
 * @param publishedAt when it came out (for one recorded afterwards, the date given for it)
 * @param recordedAfterwards who entered it and when, when it was recorded after it came out; null otherwise
 */
public record Outcome(UUID id, UUID networkId, UUID groupId, OutcomeKind kind, String title, String summary,
        List<String> authorNames, String subjectArea, String licence, String linkUrl, UUID publishedBy,
        Instant publishedAt, RecordedAfterwards recordedAfterwards) {

    public Outcome {
        authorNames = List.copyOf(authorNames);
    }

    /** The same outcome with other author names (as shown, when some authors asked not to be named). */
    public Outcome withAuthorNames(List<String> names) {
        return new Outcome(id, networkId, groupId, kind, title, summary, names, subjectArea, licence, linkUrl,
                publishedBy, publishedAt, recordedAfterwards);
    }
}

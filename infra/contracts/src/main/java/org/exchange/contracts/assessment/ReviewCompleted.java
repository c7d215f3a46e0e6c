package org.exchange.contracts.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner submitted a review of their progress against their baseline. Record key and subject: practitionerId.
 *
 * @param assessmentId the review
 * @param practitionerId the practitioner's subject id
 * @param editionId the edition of the standards, the same as the baseline's
 * @param round 1 for the first review after the baseline, 2 for the next, and so on
 * @param focusChanges for each focus standard, the ratings and the change since the baseline and since the previous
 *      review
 * @param completedAt when it was submitted
 */
@EventType(context = "assessment", name = "ReviewCompleted", version = 1)
public record ReviewCompleted(
        UUID assessmentId,
        UUID practitionerId,
        String editionId,
        int round,
        List<StandardChange> focusChanges,
        Instant completedAt) {

    /**
     * One focus standard's ratings in a review.
     *
     * @param standardId the standard
     * @param number its number in the edition
     * @param baseline the rating in the baseline
     * @param previous the rating in the previous review, or null for the first review
     * @param latest the rating in this review
     * @param changeSinceBaseline latest minus baseline
     * @param changeSincePrevious latest minus previous, or null for the first review
     */
    public record StandardChange(String standardId, int number, int baseline, Integer previous, int latest,
            int changeSinceBaseline, Integer changeSincePrevious) {
    }
}

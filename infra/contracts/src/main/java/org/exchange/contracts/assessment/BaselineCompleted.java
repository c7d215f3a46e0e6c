package org.exchange.contracts.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner submitted their baseline self-assessment against the Professional Standards. Record key and subject:
 * practitionerId. Ratings stay in assessment-service.
 *
 * @param assessmentId the baseline
 * @param practitionerId the practitioner's subject id
 * @param editionId the edition of the standards it was made against, such as etf-2022
 * @param focusStandardIds the standards they chose to focus on
 * @param completedAt when it was submitted
 */
@EventType(context = "assessment", name = "BaselineCompleted", version = 1)
public record BaselineCompleted(
        UUID assessmentId,
        UUID practitionerId,
        String editionId,
        List<String> focusStandardIds,
        Instant completedAt) {
}

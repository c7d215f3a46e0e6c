package org.exchange.contracts.assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner submitted an assessment with other focus standards than their previous one. Record key and subject:
 * practitionerId.
 *
 * @param practitionerId the practitioner's subject id
 * @param editionId the edition of the standards
 * @param previousFocusStandardIds the focus standards before
 * @param focusStandardIds the focus standards now
 * @param changedAt when the change was submitted
 */
@EventType(context = "assessment", name = "FocusStandardsChanged", version = 1)
public record FocusStandardsChanged(
        UUID practitionerId,
        String editionId,
        List<String> previousFocusStandardIds,
        List<String> focusStandardIds,
        Instant changedAt) {
}

package org.exchange.exchange.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member cascaded an outcome: to whom, inside or outside their own organisation, reaching how many people.
 */
public record Dissemination(UUID id, UUID outcomeId, UUID practitionerId, String audience, boolean insideOrganisation,
        int peopleReached, LocalDate disseminatedOn, Instant recordedAt) {
}

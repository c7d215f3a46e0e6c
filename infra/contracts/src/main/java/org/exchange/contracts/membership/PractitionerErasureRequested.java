package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A person asked for their personal data to be erased. Every context that holds personal data about them removes or
 * pseudonymises it; counts and aggregates keep counting them anonymously.
 *
 * @param practitionerId the identity provider's subject id of the person
 * @param requestedAt when they asked
 */
@EventType(context = "membership", name = "PractitionerErasureRequested", version = 1)
public record PractitionerErasureRequested(
        UUID practitionerId,
        Instant requestedAt) {
}

package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A person signed in for the first time and has a practitioner profile.
 *
 * @param practitionerId the identity provider's subject id, which identifies the person in every context
 * @param email where the person can be reached; consumers that write to people need it
 * @param givenName the name to greet them by
 * @param familyName their family name
 * @param organisationId the partner organisation they belong to, or null when none is known yet
 * @param registeredAt when the profile was created
 */
@EventType(context = "membership", name = "PractitionerRegistered", version = 1)
public record PractitionerRegistered(
        UUID practitionerId,
        String email,
        String givenName,
        String familyName,
        String organisationId,
        Instant registeredAt) {
}

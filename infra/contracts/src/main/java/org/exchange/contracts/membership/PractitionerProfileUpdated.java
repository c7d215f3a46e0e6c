package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner completed or changed their profile.
 *
 * @param practitionerId the identity provider's subject id
 * @param email where the person can be reached
 * @param givenName the name to greet them by
 * @param familyName their family name
 * @param jobRole what they do, such as {@code Lecturer in maths}
 * @param organisationId the partner organisation they belong to, or null
 * @param region the region they work in, or null
 * @param specialisms the subjects or themes they specialise in
 * @param newsletterConsent whether they agreed to receive the quarterly newsletter
 * @param nameOnOutcomesConsent whether their name may be shown on published outcomes
 * @param updatedAt when the profile changed
 */
@EventType(context = "membership", name = "PractitionerProfileUpdated", version = 1)
public record PractitionerProfileUpdated(
        UUID practitionerId,
        String email,
        String givenName,
        String familyName,
        String jobRole,
        String organisationId,
        String region,
        List<String> specialisms,
        boolean newsletterConsent,
        boolean nameOnOutcomesConsent,
        Instant updatedAt) {
}

package org.exchange.membership.practitioner;

import java.time.Instant;
import java.util.UUID;

import org.exchange.platform.security.Caller;

/**
 * A person on the platform, known by the identity provider's subject id.
 *
 * @param id the identity provider's subject id
 * @param organisationId the partner organisation the person belongs to, or null
 */
public record Practitioner(
        UUID id,
        String email,
        String givenName,
        String familyName,
        String organisationId,
        Instant registeredAt) {

    /** The profile a person gets when they first sign in, from what their token says about them. */
    static Practitioner firstSignIn(Caller caller, Instant now) {
        return new Practitioner(caller.subjectId(), caller.email(), caller.givenName(), caller.familyName(),
                caller.organisationId(), now);
    }
}

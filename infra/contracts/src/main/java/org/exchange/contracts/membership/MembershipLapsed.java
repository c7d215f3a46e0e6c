package org.exchange.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A membership was not renewed by the end of its grace period and has lapsed.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the former member
 * @param email where the person can be reached
 * @param givenName the name to greet them by
 * @param expiredOn the last day of membership
 * @param lapsedAt when it lapsed
 */
@EventType(context = "membership", name = "MembershipLapsed", version = 1)
public record MembershipLapsed(
        UUID membershipId,
        UUID practitionerId,
        String email,
        String givenName,
        LocalDate expiredOn,
        Instant lapsedAt) {
}

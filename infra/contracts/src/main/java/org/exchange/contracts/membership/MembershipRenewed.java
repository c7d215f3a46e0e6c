package org.exchange.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A member's renewal fee was paid after their CPD evidence was approved: they are a member for another year.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the member
 * @param email where the member can be reached
 * @param givenName the name to greet them by
 * @param startsOn the first day of the new membership year
 * @param expiresOn the last day of the new membership year
 * @param invoiceId the renewal invoice that was paid
 * @param renewedAt when the payment was recorded
 */
@EventType(context = "membership", name = "MembershipRenewed", version = 1)
public record MembershipRenewed(
        UUID membershipId,
        UUID practitionerId,
        String email,
        String givenName,
        LocalDate startsOn,
        LocalDate expiresOn,
        UUID invoiceId,
        Instant renewedAt) {
}

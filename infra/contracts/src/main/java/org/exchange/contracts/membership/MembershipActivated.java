package org.exchange.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A membership's first fee was paid: the practitioner is a member for one year from payment.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the member
 * @param email where the member can be reached
 * @param givenName the name to greet them by
 * @param startsOn the first day of membership
 * @param expiresOn the last day of membership
 * @param invoiceId the invoice whose payment activated it
 * @param activatedAt when the payment was recorded
 */
@EventType(context = "membership", name = "MembershipActivated", version = 1)
public record MembershipActivated(
        UUID membershipId,
        UUID practitionerId,
        String email,
        String givenName,
        LocalDate startsOn,
        LocalDate expiresOn,
        UUID invoiceId,
        Instant activatedAt) {
}

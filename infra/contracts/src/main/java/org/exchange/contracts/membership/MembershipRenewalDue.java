package org.exchange.contracts.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A membership nears its expiry (one event per reminder): the member should renew, with evidence of their CPD over the year.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the member
 * @param email where the member can be reached
 * @param givenName the name to greet them by
 * @param expiresOn the last day of membership
 * @param lapsesAfter the last day of the grace period; the membership lapses after it unless renewed
 * @param minimumCpdHours the CPD hours over the year that renewal asks for
 * @param reminder which reminder this is for the membership year: 1 for the first, 2 for the next ...
 * @param dueAt when the reminder was raised
 */
@EventType(context = "membership", name = "MembershipRenewalDue", version = 1)
public record MembershipRenewalDue(
        UUID membershipId,
        UUID practitionerId,
        String email,
        String givenName,
        LocalDate expiresOn,
        LocalDate lapsesAfter,
        BigDecimal minimumCpdHours,
        int reminder,
        Instant dueAt) {
}

package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * Any change of a membership's status, with who made it and why: the audit trail as a stream. The specific events
 * (MembershipApplied, MembershipActivated ...) carry what their consumers need beside it.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the member
 * @param fromStatus the status before, or null for a new application
 * @param toStatus the status after: APPLIED, REJECTED, AWAITING_PAYMENT, ACTIVE, RENEWAL_DUE, RENEWAL_SUBMITTED,
 *        RENEWAL_PAYMENT or LAPSED; new statuses may be added
 * @param actor the subject id of the person who made the change, or {@code system} for the scheduled job
 * @param reason why, as the actor stated it
 * @param changedAt when
 */
@EventType(context = "membership", name = "MembershipStatusChanged", version = 1)
public record MembershipStatusChanged(
        UUID membershipId,
        UUID practitionerId,
        String fromStatus,
        String toStatus,
        String actor,
        String reason,
        Instant changedAt) {
}

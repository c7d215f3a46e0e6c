package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner applied for Learning Exchange membership.
 *
 * @param membershipId the membership
 * @param practitionerId the identity provider's subject id of the applicant
 * @param basis ILM_AWARD when they hold an ILM award in Practitioner-Led Learning Exchange, EQUIVALENT_EVIDENCE when
 *        they evidence equivalent training and experience for a programme admin to review
 * @param appliedAt when they applied
 */
@EventType(context = "membership", name = "MembershipApplied", version = 1)
public record MembershipApplied(
        UUID membershipId,
        UUID practitionerId,
        String basis,
        Instant appliedAt) {
}

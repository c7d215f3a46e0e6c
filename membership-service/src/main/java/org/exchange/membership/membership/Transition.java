package org.exchange.membership.membership;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a membership's audit trail: a change of status, who made it and why.
 *
 * @param from the status before, or null for a first application
 * @param actor the subject id of the person, or {@code system} for the scheduled job
 */
public record Transition(UUID membershipId, MembershipStatus from, MembershipStatus to, String actor, String reason,
        Instant at) {

    /** The actor of changes the platform makes on its own, such as reminders and lapses. */
    public static final String SYSTEM = "system";
}

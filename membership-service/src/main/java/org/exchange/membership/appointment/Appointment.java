package org.exchange.membership.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * A person appointed to a role by a programme admin, and, once it ends, when and by whom it was withdrawn.
 *
 * @param practitionerId the identity provider's subject id of the person
 */
public record Appointment(
        UUID id,
        UUID practitionerId,
        AppointableRole role,
        UUID appointedBy,
        Instant appointedAt,
        UUID withdrawnBy,
        Instant withdrawnAt) {

    /** Whether the appointment still holds. */
    public boolean current() {
        return withdrawnAt == null;
    }
}

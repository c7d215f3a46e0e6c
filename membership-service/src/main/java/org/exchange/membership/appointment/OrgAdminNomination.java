package org.exchange.membership.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * An org-admin named by work e-mail before their first sign-in: it takes effect, as an {@link Appointment}, when a
 * person with that address first appears in the organisation.
 */
public record OrgAdminNomination(
        UUID id,
        String organisationId,
        String email,
        UUID namedBy,
        Instant namedAt,
        UUID withdrawnBy,
        Instant withdrawnAt,
        UUID appointmentId,
        Instant tookEffectAt) {

    /** Whether it still waits for the person. */
    public boolean open() {
        return withdrawnAt == null && tookEffectAt == null;
    }
}

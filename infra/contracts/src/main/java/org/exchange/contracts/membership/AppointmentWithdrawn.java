package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin withdrew an appointment; the identity provider no longer grants the role.
 *
 * @param appointmentId the appointment withdrawn
 * @param practitionerId the identity provider's subject id of the person
 * @param role the realm role: {@code facilitator} or {@code assessor}
 * @param withdrawnBy the programme admin who withdrew it
 * @param withdrawnAt when
 */
@EventType(context = "membership", name = "AppointmentWithdrawn", version = 1)
public record AppointmentWithdrawn(
        UUID appointmentId,
        UUID practitionerId,
        String role,
        UUID withdrawnBy,
        Instant withdrawnAt) {
}

package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin appointed a practitioner to a role; the identity provider grants it from their next sign-in.
 *
 * @param appointmentId the appointment
 * @param practitionerId the identity provider's subject id of the person appointed
 * @param role the realm role: {@code facilitator} or {@code assessor}
 * @param appointedBy the programme admin who appointed them
 * @param appointedAt when
 */
@EventType(context = "membership", name = "PractitionerAppointed", version = 1)
public record PractitionerAppointed(
        UUID appointmentId,
        UUID practitionerId,
        String role,
        UUID appointedBy,
        Instant appointedAt) {
}

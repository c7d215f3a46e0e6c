package org.exchange.membership.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * A person appointed to a role by a programme admin (or, to org-admin, by an org-admin of their organisation), and, once it ends, when and by whom it was withdrawn.
 *
 * @param practitionerId the identity provider's subject id of the person
 * @param organisationId the organisation an org-admin manages (their own); null for the other roles
 */
public record Appointment(
        UUID id,
        UUID practitionerId,
        AppointableRole role,
        UUID appointedBy,
        Instant appointedAt,
        UUID withdrawnBy,
        Instant withdrawnAt,
        String organisationId) {

    /** Whether the appointment still holds. */
    public boolean current() {
        return withdrawnAt == null;
    }

    /** The same appointment, withdrawn by someone at a time. */
    Appointment withdrawn(UUID by, Instant at) {
        return new Appointment(id, practitionerId, role, appointedBy, appointedAt, by, at, organisationId);
    }
}

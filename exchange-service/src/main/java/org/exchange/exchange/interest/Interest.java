package org.exchange.exchange.interest;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's interest in a subject area (maths, ESOL, digital skills ...) in a region, so that they hear when a group
 * in that area opens in one of the region's networks. It belongs to a signed-in practitioner, or to an e-mail address
 * whose owner agreed to be written to and confirmed the address (double opt-in).
 *
 * @param practitionerId the signed-in person's subject id, or null
 * @param email the address of someone without an account, or null
 * @param confirmedAt when it became live: at once for a signed-in person, on confirmation for an address
 * @param notifiedAt when its person was told of a group; they are told once
 */
record Interest(UUID id, UUID practitionerId, String email, String area, String region, Instant registeredAt,
        Instant confirmedAt, Instant notifiedAt, UUID notifiedGroupId) {

    /** Whether it counts as demand and waits for a group: confirmed. */
    boolean confirmed() {
        return confirmedAt != null;
    }

    /** Area and region as stored and compared: trimmed, with single spaces; compared without case. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}

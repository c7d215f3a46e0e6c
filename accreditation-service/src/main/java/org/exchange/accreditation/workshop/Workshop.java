package org.exchange.accreditation.workshop;

import java.time.Instant;
import java.util.UUID;

/**
 * A peer-learning workshop a person facilitated or led, as exchange-service recorded their attendance.
 *
 * @param attendanceId exchange's attendance record; a correction arrives with the same id
 * @param role FACILITATOR or LEAD_FACILITATOR
 */
public record Workshop(UUID attendanceId, UUID practitionerId, UUID meetingId, String title, Instant startsAt,
        String role, int minutes) {

    public static final String FACILITATOR = "FACILITATOR";
    public static final String LEAD_FACILITATOR = "LEAD_FACILITATOR";

    /** Whether the person led it: only a workshop they led can be observed for their award. */
    public boolean led() {
        return LEAD_FACILITATOR.equals(role);
    }

    /** Whether an attendance in this role and for these minutes is a workshop facilitated. */
    public static boolean counts(String role, int minutes) {
        return minutes > 0 && (FACILITATOR.equals(role) || LEAD_FACILITATOR.equals(role));
    }
}

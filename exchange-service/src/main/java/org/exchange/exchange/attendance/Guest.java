package org.exchange.exchange.attendance;

import java.time.Instant;
import java.util.UUID;

/**
 * A named guest at a meeting: someone who is neither a member of its group nor registered for it. A guest is on the
 * meeting's register only; with no practitioner id, their attendance publishes no event and counts for no CPD.
 */
public record Guest(UUID id, UUID meetingId, String name, AttendanceRole role, int minutes, UUID recordedBy,
        Instant recordedAt, boolean recordedAfterwards) {

    /** A guest as the facilitator names them; nobody attends longer than the meeting lasts. */
    public static Guest record(UUID meetingId, String name, AttendanceRole role, int minutes, int meetingMinutes,
            UUID recordedBy, Instant now, boolean recordedAfterwards) {
        Attendance.requireMinutes(minutes, meetingMinutes);
        return new Guest(UUID.randomUUID(), meetingId, name.strip(), role, minutes, recordedBy, now,
                recordedAfterwards);
    }
}

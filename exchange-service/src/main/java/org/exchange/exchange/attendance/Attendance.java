package org.exchange.exchange.attendance;

import java.time.Instant;
import java.util.UUID;

import org.exchange.platform.problem.InvalidRequestException;

/**
 * That a person attended a meeting, in a role, for some minutes; one per person and meeting. A correction changes it
 * and is kept in its history with a reason, never silently.
 *
 * @param organisationId the person's organisation when it was recorded, so an org-admin sees their own staff only
 * @param recordedAfterwards whether it is at a meeting recorded after it took place, as programme history
 */
public record Attendance(UUID id, UUID meetingId, UUID practitionerId, String organisationId, AttendanceRole role,
        int minutes, UUID recordedBy, Instant recordedAt, boolean recordedAfterwards) {

    /** A first record of attendance; nobody attends longer than the meeting lasts. */
    public static Attendance record(UUID meetingId, UUID practitionerId, String organisationId, AttendanceRole role,
            int minutes, int meetingMinutes, UUID recordedBy, Instant now) {
        requireMinutes(minutes, meetingMinutes);
        return new Attendance(UUID.randomUUID(), meetingId, practitionerId, organisationId, role, minutes,
                recordedBy, now, false);
    }

    /** The same attendance, marked as part of a meeting recorded after it took place. */
    public Attendance asRecordedAfterwards() {
        return new Attendance(id, meetingId, practitionerId, organisationId, role, minutes, recordedBy, recordedAt,
                true);
    }

    /** Whether recording these values again would change anything. */
    public boolean differsFrom(AttendanceRole newRole, int newMinutes) {
        return role != newRole || minutes != newMinutes;
    }

    /** A correction: new values, with the reason it is needed. */
    public Attendance correct(AttendanceRole newRole, int newMinutes, int meetingMinutes, String reason,
            UUID correctedBy, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("Correcting recorded attendance needs a reason");
        }
        requireMinutes(newMinutes, meetingMinutes);
        return new Attendance(id, meetingId, practitionerId, organisationId, newRole, newMinutes, correctedBy, now,
                recordedAfterwards);
    }

    static void requireMinutes(int minutes, int meetingMinutes) {
        if (minutes < 0 || minutes > meetingMinutes) {
            throw new InvalidRequestException("Minutes attended are between 0 and the meeting's %d minutes"
                    .formatted(meetingMinutes));
        }
    }
}

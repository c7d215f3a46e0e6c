package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A facilitator recorded (or corrected) that a person attended a meeting or event. A correction is published again
 * with the same {@code attendanceId} and the new values; consumers keep the latest per attendance.
 *
 * @param attendanceId the attendance record (one per person and meeting), stable across corrections
 * @param meetingId the meeting or network event attended
 * @param groupId the group whose meeting it was, or null for a network event
 * @param networkId the network the meeting belongs to
 * @param practitionerId the identity provider's subject id of the person who attended
 * @param organisationId the person's organisation when attendance was recorded, or null
 * @param role ATTENDEE, FACILITATOR, LEAD_FACILITATOR or OBSERVER
 * @param minutes how long the person attended; 0 when a correction says they were absent after all
 * @param meetingTitle what the meeting was, as the attendee's CPD record shows it
 * @param meetingKind GROUP_MEETING, LAUNCH_EVENT, DEVELOPMENT_DAY or DISSEMINATION_EVENT
 * @param meetingStartsAt when the meeting began
 * @param recordedAt when this attendance (or its correction) was recorded
 * @param correction whether this corrects an attendance published before
 * @param recordedAfterwards whether the meeting was recorded after it took place, as programme history (added later:
 *     null from publishers that predate it, meaning false)
 */
@EventType(context = "exchange", name = "AttendanceRecorded", version = 1)
public record AttendanceRecorded(
        UUID attendanceId,
        UUID meetingId,
        UUID groupId,
        UUID networkId,
        UUID practitionerId,
        String organisationId,
        String role,
        int minutes,
        String meetingTitle,
        String meetingKind,
        Instant meetingStartsAt,
        Instant recordedAt,
        boolean correction,
        Boolean recordedAfterwards) {

    /** An attendance at a meeting recorded as it happened. */
    public AttendanceRecorded(UUID attendanceId, UUID meetingId, UUID groupId, UUID networkId, UUID practitionerId,
            String organisationId, String role, int minutes, String meetingTitle, String meetingKind,
            Instant meetingStartsAt, Instant recordedAt, boolean correction) {
        this(attendanceId, meetingId, groupId, networkId, practitionerId, organisationId, role, minutes, meetingTitle,
                meetingKind, meetingStartsAt, recordedAt, correction, false);
    }
}

package org.exchange.exchange.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * A group meeting or a network event (launch event, development day with a key speaker, dissemination event), at a
 * venue or online, with a capacity. Each change of time or place raises its {@code sequence}, as iCalendar wants.
 *
 * @param groupId the group whose meeting it is, or null for a network event
 * @param venueId a venue offered by a partner organisation, or null when it is held online
 * @param onlineUrl the link to join online, or null
 * @param recordedAfterwards who entered it, and when, if it was recorded after it took place; null when scheduled
 */
public record Meeting(UUID id, UUID networkId, UUID groupId, MeetingKind kind, String title, String description,
        String keySpeaker, Instant startsAt, Instant endsAt, ZoneId timeZone, UUID venueId, String onlineUrl,
        int capacity, MeetingStatus status, int sequence, String cancelReason, UUID scheduledBy, Instant updatedAt,
        RecordedAfterwards recordedAfterwards) {

    /** Where and when: the parts of a meeting that rescheduling changes. */
    public record Slot(Instant startsAt, Instant endsAt, ZoneId timeZone, UUID venueId, String onlineUrl) {

        public Slot {
            if (startsAt == null || endsAt == null || timeZone == null) {
                throw new InvalidRequestException("A meeting needs a start, an end and a time zone");
            }
            if (!endsAt.isAfter(startsAt)) {
                throw new InvalidRequestException("A meeting must end after it starts");
            }
            if (venueId == null && (onlineUrl == null || onlineUrl.isBlank())) {
                throw new InvalidRequestException("A meeting needs a venue or an online link");
            }
        }
    }

    /** A new meeting, scheduled in the future. */
    public static Meeting schedule(UUID networkId, UUID groupId, MeetingKind kind, String title, String description,
            String keySpeaker, Slot slot, int capacity, UUID scheduledBy, Instant now) {
        requireWellFormed(groupId, kind, keySpeaker, capacity);
        requireFuture(slot, now);
        return new Meeting(UUID.randomUUID(), networkId, groupId, kind, title.strip(), description, keySpeaker,
                slot.startsAt(), slot.endsAt(), slot.timeZone(), slot.venueId(), slot.onlineUrl(), capacity,
                MeetingStatus.SCHEDULED, 0, null, scheduledBy, now, null);
    }

    /**
     * A meeting that took place, entered afterwards as programme history: it is over by now, and a group's meeting
     * lies on or after the group's planned start. It keeps its own date; who entered it, and when, is kept beside.
     *
     * @param groupStart the group's planned start, or null for a network event
     */
    public static Meeting recordPast(UUID networkId, UUID groupId, LocalDate groupStart, MeetingKind kind,
            String title, String description, String keySpeaker, Slot slot, int capacity, UUID recordedBy,
            Instant now) {
        requireWellFormed(groupId, kind, keySpeaker, capacity);
        if (slot.endsAt().isAfter(now)) {
            throw new InvalidRequestException("when.endsAt", "A meeting recorded afterwards has taken place: it ends "
                    + "before now; schedule a meeting that is still to come");
        }
        if (groupStart != null && LocalDate.ofInstant(slot.startsAt(), slot.timeZone()).isBefore(groupStart)) {
            throw new InvalidRequestException("when.startsAt", "A group's meeting is on or after the group's planned "
                    + "start, " + groupStart);
        }
        return new Meeting(UUID.randomUUID(), networkId, groupId, kind, title.strip(), description, keySpeaker,
                slot.startsAt(), slot.endsAt(), slot.timeZone(), slot.venueId(), slot.onlineUrl(), capacity,
                MeetingStatus.SCHEDULED, 0, null, recordedBy, now, new RecordedAfterwards(recordedBy, now));
    }

    private static void requireWellFormed(UUID groupId, MeetingKind kind, String keySpeaker, int capacity) {
        if (kind.isGroupMeeting() != (groupId != null)) {
            throw new InvalidRequestException(kind.isGroupMeeting() ? "A group meeting needs its group"
                    : "A network event belongs to no group");
        }
        if (kind == MeetingKind.DEVELOPMENT_DAY && (keySpeaker == null || keySpeaker.isBlank())) {
            throw new InvalidRequestException("A development day needs its key speaker");
        }
        if (capacity < 1) {
            throw new InvalidRequestException("A meeting needs room for at least one person");
        }
    }

    /** The meeting moves in time or place; people registered keep their places. */
    public Meeting reschedule(Slot slot, Instant now) {
        requireScheduled("reschedule");
        if (startsAt.isBefore(now)) {
            throw new ConflictException("A meeting that has started cannot be rescheduled");
        }
        requireFuture(slot, now);
        return new Meeting(id, networkId, groupId, kind, title, description, keySpeaker, slot.startsAt(),
                slot.endsAt(), slot.timeZone(), slot.venueId(), slot.onlineUrl(), capacity, status, sequence + 1,
                cancelReason, scheduledBy, now, recordedAfterwards);
    }

    /** The meeting will not take place. */
    public Meeting cancel(String reason, Instant now) {
        requireScheduled("cancel");
        if (endsAt.isBefore(now)) {
            throw new ConflictException("A meeting that took place cannot be cancelled");
        }
        return new Meeting(id, networkId, groupId, kind, title, description, keySpeaker, startsAt, endsAt, timeZone,
                venueId, onlineUrl, capacity, MeetingStatus.CANCELLED, sequence + 1, reason, scheduledBy, now,
                recordedAfterwards);
    }

    /** Registration is open until the meeting starts, unless it is cancelled. */
    public void requireOpenForRegistration(Instant now) {
        requireScheduled("register for");
        if (!startsAt.isAfter(now)) {
            throw new ConflictException("Registration closes when the meeting starts");
        }
    }

    /** Attendance is recorded once the meeting has started, and never for a cancelled one. */
    public void requireAttendable(Instant now) {
        if (status == MeetingStatus.CANCELLED) {
            throw new ConflictException("A cancelled meeting has no attendance");
        }
        if (startsAt.isAfter(now)) {
            throw new ConflictException("Attendance is recorded once the meeting has started");
        }
    }

    /** The slot it is in now. */
    public Slot slot() {
        return new Slot(startsAt, endsAt, timeZone, venueId, onlineUrl);
    }

    /** How long it lasts, in minutes: the most anyone can attend. */
    public int durationMinutes() {
        return (int) java.time.Duration.between(startsAt, endsAt).toMinutes();
    }

    private void requireScheduled(String change) {
        if (status == MeetingStatus.CANCELLED) {
            throw new ConflictException("You cannot " + change + " a cancelled meeting");
        }
    }

    private static void requireFuture(Slot slot, Instant now) {
        if (!slot.startsAt().isAfter(now)) {
            throw new InvalidRequestException("A meeting is scheduled to start in the future");
        }
    }
}

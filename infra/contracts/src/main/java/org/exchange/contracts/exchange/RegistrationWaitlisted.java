package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A person registered for a meeting that was full and is now on its waitlist. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param practitionerId the waiting person's subject id
 * @param meetingTitle the meeting's title
 * @param meetingKind the kind of meeting
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the time zone it is held in
 * @param waitlistPosition their place in the queue when they joined it, 1 for the first person waiting
 * @param waitlistedAt when they joined the waitlist
 * @param seriesRegistrationId the registration for all of the group's meetings that made this one, when a person
 *     registered for all of them at once: every registration it made then carries the same id, so that they are told
 *     in one notice (added later: null for a registration for one meeting, and for a meeting scheduled later)
 * @param seriesRegistrationSize how many registrations (places and waitlist places) it made at once, so that a
 *     consumer knows when it has them all (added later: null when seriesRegistrationId is)
 */
@EventType(context = "exchange", name = "RegistrationWaitlisted", version = 1)
public record RegistrationWaitlisted(
        UUID meetingId,
        UUID practitionerId,
        String meetingTitle,
        String meetingKind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        int waitlistPosition,
        Instant waitlistedAt,
        UUID seriesRegistrationId,
        Integer seriesRegistrationSize) {

    /** A registration for one meeting, or for a meeting scheduled after the person registered for all of them. */
    public RegistrationWaitlisted(UUID meetingId, UUID practitionerId, String meetingTitle, String meetingKind,
            Instant startsAt, Instant endsAt, String timeZone, int waitlistPosition, Instant waitlistedAt) {
        this(meetingId, practitionerId, meetingTitle, meetingKind, startsAt, endsAt, timeZone, waitlistPosition,
                waitlistedAt, null, null);
    }
}

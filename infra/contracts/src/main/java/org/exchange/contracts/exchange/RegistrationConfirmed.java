package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A person has a confirmed place at a meeting. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param practitionerId the person's subject id
 * @param meetingTitle the meeting's title
 * @param meetingKind the kind of meeting
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the time zone it is held in
 * @param confirmedAt when the place was confirmed
 * @param seriesRegistrationId the registration for all of the group's meetings that made this one, when a person
 *     registered for all of them at once: every registration it made then carries the same id, so that they are told
 *     in one notice (added later: null for a registration for one meeting, and for a meeting scheduled later)
 * @param seriesRegistrationSize how many registrations (places and waitlist places) it made at once, so that a
 *     consumer knows when it has them all (added later: null when seriesRegistrationId is)
 */
@EventType(context = "exchange", name = "RegistrationConfirmed", version = 1)
public record RegistrationConfirmed(
        UUID meetingId,
        UUID practitionerId,
        String meetingTitle,
        String meetingKind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant confirmedAt,
        UUID seriesRegistrationId,
        Integer seriesRegistrationSize) {

    /** A registration for one meeting, or for a meeting scheduled after the person registered for all of them. */
    public RegistrationConfirmed(UUID meetingId, UUID practitionerId, String meetingTitle, String meetingKind,
            Instant startsAt, Instant endsAt, String timeZone, Instant confirmedAt) {
        this(meetingId, practitionerId, meetingTitle, meetingKind, startsAt, endsAt, timeZone, confirmedAt, null, null);
    }
}

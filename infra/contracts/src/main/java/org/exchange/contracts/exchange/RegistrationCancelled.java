package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A person cancelled their own registration for a meeting, giving up their place or leaving its waitlist (when a
 * place is freed, {@link WaitlistPromoted} follows for the next person). Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param practitionerId the person's subject id
 * @param meetingTitle the meeting's title
 * @param meetingKind the kind of meeting
 * @param startsAt when it starts
 * @param timeZone the time zone it is held in
 * @param place what they gave up: CONFIRMED (a place) or WAITLISTED (a place in the queue)
 * @param cancelledAt when they cancelled
 */
@EventType(context = "exchange", name = "RegistrationCancelled", version = 1)
public record RegistrationCancelled(
        UUID meetingId,
        UUID practitionerId,
        String meetingTitle,
        String meetingKind,
        Instant startsAt,
        String timeZone,
        String place,
        Instant cancelledAt) {
}

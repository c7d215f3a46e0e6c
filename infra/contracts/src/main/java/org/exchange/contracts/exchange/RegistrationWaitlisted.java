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
        Instant waitlistedAt) {
}

package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A place opened up and the next person on a meeting's waitlist now has it. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param practitionerId the promoted person's subject id
 * @param meetingTitle the meeting's title
 * @param meetingKind the kind of meeting
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the time zone it is held in
 * @param promotedAt when they were promoted
 */
@EventType(context = "exchange", name = "WaitlistPromoted", version = 1)
public record WaitlistPromoted(
        UUID meetingId,
        UUID practitionerId,
        String meetingTitle,
        String meetingKind,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        Instant promotedAt) {
}

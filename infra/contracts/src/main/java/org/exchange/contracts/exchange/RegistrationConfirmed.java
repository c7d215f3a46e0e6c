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
        Instant confirmedAt) {
}

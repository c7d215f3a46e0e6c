package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A meeting was cancelled; the people registered need telling. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param networkId its network
 * @param groupId its group, or null for a network event
 * @param kind the kind of meeting
 * @param title its title
 * @param startsAt when it was to start
 * @param timeZone the time zone it was to be held in
 * @param reason why, as the organiser put it (or null)
 * @param registeredPractitionerIds subject ids of everyone registered or waitlisted
 * @param cancelledAt when it was cancelled
 */
@EventType(context = "exchange", name = "MeetingCancelled", version = 1)
public record MeetingCancelled(
        UUID meetingId,
        UUID networkId,
        UUID groupId,
        String kind,
        String title,
        Instant startsAt,
        String timeZone,
        String reason,
        List<UUID> registeredPractitionerIds,
        Instant cancelledAt) {
}

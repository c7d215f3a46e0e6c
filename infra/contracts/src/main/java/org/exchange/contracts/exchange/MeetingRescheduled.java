package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A meeting moved in time or place; the people registered need telling. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param networkId its network
 * @param groupId its group, or null for a network event
 * @param kind the kind of meeting
 * @param title its title
 * @param previousStartsAt when it was to start
 * @param startsAt when it starts now
 * @param endsAt when it ends now
 * @param timeZone the time zone it is held in
 * @param venueId the venue now, or null when online
 * @param venueName the venue's name now, or null
 * @param onlineUrl the online link now, or null
 * @param sequence the iCalendar SEQUENCE of this version
 * @param registeredPractitionerIds subject ids of everyone registered or waitlisted
 * @param rescheduledAt when it was rescheduled
 */
@EventType(context = "exchange", name = "MeetingRescheduled", version = 1)
public record MeetingRescheduled(
        UUID meetingId,
        UUID networkId,
        UUID groupId,
        String kind,
        String title,
        Instant previousStartsAt,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        UUID venueId,
        String venueName,
        String onlineUrl,
        int sequence,
        List<UUID> registeredPractitionerIds,
        Instant rescheduledAt) {
}

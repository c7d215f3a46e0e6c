package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group meeting or network event was scheduled. Record key and subject: meetingId.
 *
 * @param meetingId the meeting or event
 * @param networkId its network
 * @param groupId the group whose meeting it is, or null for a network event
 * @param kind GROUP_MEETING, LAUNCH_EVENT, DEVELOPMENT_DAY or DISSEMINATION_EVENT
 * @param title its title
 * @param startsAt when it starts
 * @param endsAt when it ends
 * @param timeZone the time zone it is held in, such as Europe/London
 * @param venueId the venue, or null when online
 * @param venueName the venue's name, or null when online
 * @param onlineUrl the link to join online, or null
 * @param capacity how many can register
 * @param keySpeaker the key speaker of a development day, or null
 * @param groupMemberIds subject ids of the group's members to invite; empty for a network event
 * @param scheduledAt when it was scheduled
 * @param batchId the batch it was scheduled in, when a facilitator scheduled several meetings at once: every meeting of
 *     the batch carries the same id, so that its members are told of them in one notice (added later: null for a
 *     meeting scheduled on its own)
 * @param batchSize how many meetings the batch holds, so that a consumer knows when it has them all (added later: null
 *     for a meeting scheduled on its own)
 */
@EventType(context = "exchange", name = "MeetingScheduled", version = 1)
public record MeetingScheduled(
        UUID meetingId,
        UUID networkId,
        UUID groupId,
        String kind,
        String title,
        Instant startsAt,
        Instant endsAt,
        String timeZone,
        UUID venueId,
        String venueName,
        String onlineUrl,
        int capacity,
        String keySpeaker,
        List<UUID> groupMemberIds,
        Instant scheduledAt,
        UUID batchId,
        Integer batchSize) {

    /** A meeting scheduled on its own, in no batch. */
    public MeetingScheduled(UUID meetingId, UUID networkId, UUID groupId, String kind, String title, Instant startsAt,
            Instant endsAt, String timeZone, UUID venueId, String venueName, String onlineUrl, int capacity,
            String keySpeaker, List<UUID> groupMemberIds, Instant scheduledAt) {
        this(meetingId, networkId, groupId, kind, title, startsAt, endsAt, timeZone, venueId, venueName, onlineUrl,
                capacity, keySpeaker, groupMemberIds, scheduledAt, null, null);
    }
}

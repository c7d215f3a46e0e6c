package org.exchange.notification.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings a facilitator scheduled together: their events arrive one by one, in any order and on any instance (each is
 * keyed by its own meeting), and the group's members are told of them in one notice once the last has arrived. Once:
 * the batch's row is locked while each meeting is added, so the batch is found whole by exactly one transaction, which
 * marks it told; a meeting of a batch already told (an event sent again under a new id) tells nothing more.
 */
@Service
public class MeetingBatches {

    private final JdbcClient jdbc;
    private final Clock clock;

    MeetingBatches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A meeting of a batch, as its notice tells it. */
    public record Meeting(UUID meetingId, UUID groupId, String kind, String title, Instant startsAt, Instant endsAt,
            String timeZone, String place, int capacity, List<UUID> invited) {
    }

    /**
     * The meetings of a whole batch, in start order, and everyone any of their events invited.
     *
     * @param groupId the group they are meetings of (the first that names one)
     */
    public record Whole(UUID batchId, UUID groupId, List<Meeting> meetings, Set<UUID> invited) {
    }

    /**
     * Keeps a meeting of a batch; answers the whole batch when this meeting completes it, in the transaction that
     * handles the meeting's event (so that its notice is written with it, or not at all).
     *
     * @param size how many meetings the batch holds
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Whole> add(UUID batchId, int size, Meeting meeting) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into meeting_batch (batch_id, size, created_at) values (:batch, :size, :now)
                on conflict do nothing""")
                .param("batch", batchId).param("size", size).param("now", Timestamp.from(now)).update();
        boolean told = jdbc.sql("select told_at is not null from meeting_batch where batch_id = :batch for update")
                .param("batch", batchId).query(Boolean.class).single();
        if (told) {
            return Optional.empty();
        }
        jdbc.sql("""
                insert into meeting_batch_meeting (batch_id, meeting_id, group_id, kind, title, starts_at, ends_at,
                                                   time_zone, place, capacity, invited)
                values (:batch, :meeting, :group, :kind, :title, :startsAt, :endsAt, :zone, :place, :capacity,
                        :invited)
                on conflict do nothing""")
                .param("batch", batchId).param("meeting", meeting.meetingId()).param("group", meeting.groupId())
                .param("kind", meeting.kind()).param("title", meeting.title())
                .param("startsAt", Timestamp.from(meeting.startsAt()))
                .param("endsAt", meeting.endsAt() == null ? null : Timestamp.from(meeting.endsAt()))
                .param("zone", meeting.timeZone()).param("place", meeting.place())
                .param("capacity", meeting.capacity())
                .param("invited", meeting.invited().toArray(UUID[]::new))
                .update();
        List<Meeting> meetings = jdbc.sql("""
                select meeting_id, group_id, kind, title, starts_at, ends_at, time_zone, place, capacity, invited
                from meeting_batch_meeting where batch_id = :batch order by starts_at, meeting_id""")
                .param("batch", batchId)
                .query((rs, row) -> new Meeting(rs.getObject("meeting_id", UUID.class),
                        rs.getObject("group_id", UUID.class), rs.getString("kind"), rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("time_zone"), rs.getString("place"), rs.getInt("capacity"),
                        Arrays.asList((UUID[]) rs.getArray("invited").getArray())))
                .list();
        if (meetings.size() < size) {
            return Optional.empty();
        }
        jdbc.sql("update meeting_batch set told_at = :now where batch_id = :batch")
                .param("batch", batchId).param("now", Timestamp.from(now)).update();
        jdbc.sql("delete from meeting_batch_meeting where batch_id = :batch").param("batch", batchId).update();
        Set<UUID> invited = new LinkedHashSet<>();
        meetings.forEach(each -> invited.addAll(each.invited()));
        UUID groupId = meetings.stream().map(Meeting::groupId).filter(java.util.Objects::nonNull).findFirst()
                .orElse(null);
        return Optional.of(new Whole(batchId, groupId, meetings, invited));
    }
}

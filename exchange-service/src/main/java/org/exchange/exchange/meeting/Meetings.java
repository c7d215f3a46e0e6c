package org.exchange.exchange.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.exchange.waitlist.WaitlistCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meetings and events, and who registered for them. */
@Repository
class Meetings {

    private static final String COLUMNS = """
            m.id, m.network_id, m.group_id, m.kind, m.title, m.description, m.key_speaker, m.starts_at, m.ends_at,
            m.time_zone, m.venue_id, m.online_url, m.capacity, m.status, m.sequence, m.cancel_reason, m.scheduled_by,
            m.updated_at, m.recorded_afterwards_by, m.recorded_afterwards_at""";

    private final JdbcClient jdbc;

    Meetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Meeting meeting) {
        jdbc.sql("""
                insert into meeting (id, network_id, group_id, kind, title, description, key_speaker, starts_at,
                                     ends_at, time_zone, venue_id, online_url, capacity, status, sequence,
                                     cancel_reason, scheduled_by, updated_at, recorded_afterwards_by,
                                     recorded_afterwards_at)
                values (:id, :network, :group, :kind, :title, :description, :keySpeaker, :startsAt, :endsAt,
                          :timeZone, :venue, :onlineUrl, :capacity, :status, :sequence, :cancelReason, :scheduledBy,
                          :updatedAt, :afterwardsBy, :afterwardsAt)""")
                .param("id", meeting.id())
                .param("network", meeting.networkId())
                .param("group", meeting.groupId())
                .param("kind", meeting.kind().name())
                .param("title", meeting.title())
                .param("description", meeting.description())
                .param("keySpeaker", meeting.keySpeaker())
                .param("startsAt", Timestamp.from(meeting.startsAt()))
                .param("endsAt", Timestamp.from(meeting.endsAt()))
                .param("timeZone", meeting.timeZone().getId())
                .param("venue", meeting.venueId())
                .param("onlineUrl", meeting.onlineUrl())
                .param("capacity", meeting.capacity())
                .param("status", meeting.status().name())
                .param("sequence", meeting.sequence())
                .param("cancelReason", meeting.cancelReason())
                .param("scheduledBy", meeting.scheduledBy())
                .param("updatedAt", Timestamp.from(meeting.updatedAt()))
                .param("afterwardsBy", meeting.recordedAfterwards() == null ? null : meeting.recordedAfterwards().by())
                .param("afterwardsAt", meeting.recordedAfterwards() == null ? null
                        : Timestamp.from(meeting.recordedAfterwards().at()))
                .update();
    }

    /** Saves what rescheduling or cancelling changed. */
    void update(Meeting meeting) {
        jdbc.sql("""
                update meeting set starts_at = :startsAt, ends_at = :endsAt, time_zone = :timeZone, venue_id = :venue,
                                   online_url = :onlineUrl, status = :status, sequence = :sequence,
                                   cancel_reason = :cancelReason, updated_at = :updatedAt
                where id = :id""")
                .param("id", meeting.id())
                .param("startsAt", Timestamp.from(meeting.startsAt()))
                .param("endsAt", Timestamp.from(meeting.endsAt()))
                .param("timeZone", meeting.timeZone().getId())
                .param("venue", meeting.venueId())
                .param("onlineUrl", meeting.onlineUrl())
                .param("status", meeting.status().name())
                .param("sequence", meeting.sequence())
                .param("cancelReason", meeting.cancelReason())
                .param("updatedAt", Timestamp.from(meeting.updatedAt()))
                .update();
    }

    Optional<Meeting> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from meeting m where m.id = :id").param("id", id)
                .query((rs, row) -> meeting(rs)).optional();
    }

    /**
     * The meeting, its row locked until the transaction ends: registrations for one meeting queue up here, so that
     * many people registering at once never take more places than there are.
     */
    Optional<Meeting> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from meeting m where m.id = :id for update").param("id", id)
                .query((rs, row) -> meeting(rs)).optional();
    }

    /** Meetings by network and group, from a time on, in start order. */
    List<Meeting> search(UUID networkId, UUID groupId, Instant from, boolean includeCancelled, int limit) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from meeting m
                where (cast(:network as uuid) is null or m.network_id = :network)
                  and (cast(:group as uuid) is null or m.group_id = :group)
                  and (cast(:from as timestamptz) is null or m.ends_at >= :from)
                  and (:includeCancelled or m.status = 'SCHEDULED')
                order by m.starts_at limit :limit""")
                .param("limit", limit)
                .param("network", networkId)
                .param("group", groupId)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("includeCancelled", includeCancelled)
                .query((rs, row) -> meeting(rs)).list();
    }

    /**
     * The meetings in a person's calendar: those they registered for (or wait for) and those of the groups they
     * facilitate, cancelled ones included so that calendars hear of the cancellation.
     */
    List<Meeting> calendarOf(UUID personId) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from meeting m
                where m.id in (select meeting_id from registration
                               where practitioner_id = :person and status <> 'CANCELLED')
                   or m.group_id in (select group_id from group_facilitator where practitioner_id = :person)
                order by m.starts_at""")
                .param("person", personId)
                .query((rs, row) -> meeting(rs)).list();
    }

    /**
     * Of the given meetings, those whose join link the person may see: they hold a confirmed place, or they
     * facilitate the meeting's group.
     */
    Set<UUID> withJoinLinkFor(UUID personId, Collection<UUID> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                select m.id from meeting m
                where m.id in (:ids)
                  and (exists (select 1 from registration r
                               where r.meeting_id = m.id and r.practitioner_id = :person and r.status = 'CONFIRMED')
                       or m.group_id in (select group_id from group_facilitator where practitioner_id = :person))""")
                .param("ids", meetingIds).param("person", personId)
                .query(UUID.class).list());
    }

    Waitlist registrations(Meeting meeting) {
        return Waitlist.of(meeting.capacity(), jdbc.sql("""
                select practitioner_id, status, registered_at from registration
                where meeting_id = :meeting and status <> 'CANCELLED'""")
                .param("meeting", meeting.id())
                .query((rs, row) -> new Waitlist.Entry(rs.getObject("practitioner_id", UUID.class),
                        Waitlist.Place.valueOf(rs.getString("status")), rs.getTimestamp("registered_at").toInstant()))
                .list());
    }

    /** The counts of registrations and waitlist of each meeting, in one query. */
    Map<UUID, Waitlist.Counts> counts(Collection<Meeting> meetings) {
        return WaitlistCounts.count(jdbc, "registration", "meeting_id", meetings.stream()
                .collect(Collectors.toMap(Meeting::id, Meeting::capacity, (first, second) -> first)));
    }

    /** How many people were recorded as having attended each meeting (facilitators included; guests not). */
    Map<UUID, Integer> attended(Collection<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("select meeting_id, count(*) as people from attendance where meeting_id in (:ids) group by meeting_id")
                .param("ids", meetings.stream().map(Meeting::id).distinct().toList())
                .query((row, n) -> counts.put(row.getObject("meeting_id", UUID.class), row.getInt("people")))
                .list();
        return counts;
    }

    /**
     * Records a registration; someone who cancelled before and comes back goes to the back of the line.
     *
     * @param bySeries whether the person's registration for all of the group's meetings made it
     */
    void register(UUID meetingId, Waitlist.Entry entry, boolean bySeries) {
        jdbc.sql("""
                insert into registration (meeting_id, practitioner_id, status, registered_at, changed_at, by_series)
                values (:meeting, :person, :status, :at, :at, :bySeries)
                on conflict (meeting_id, practitioner_id) do update
                  set status = excluded.status, registered_at = excluded.registered_at,
                      changed_at = excluded.changed_at, by_series = excluded.by_series""")
                .param("meeting", meetingId)
                .param("person", entry.personId())
                .param("status", entry.place().name())
                .param("at", Timestamp.from(entry.since()))
                .param("bySeries", bySeries)
                .update();
    }

    /** A group's meetings still to start and not cancelled, in start order. */
    List<Meeting> upcomingOfGroup(UUID groupId, Instant now) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from meeting m
                where m.group_id = :group and m.status = 'SCHEDULED' and m.starts_at > :now
                order by m.starts_at""")
                .param("group", groupId).param("now", Timestamp.from(now))
                .query((rs, row) -> meeting(rs)).list();
    }

    /**
     * The person's registrations (a place or waiting) for a group's meetings still to start, in start order, each
     * with whether their registration for all of the group's meetings made it.
     */
    List<SeriesRegistrationService.Registered> upcomingRegistrationsOf(UUID personId, UUID groupId, Instant now) {
        return jdbc.sql("select r.status as registration_status, r.by_series, " + COLUMNS + "\n" + """
                 from registration r join meeting m on m.id = r.meeting_id
                where r.practitioner_id = :person and r.status <> 'CANCELLED' and m.group_id = :group
                  and m.status = 'SCHEDULED' and m.starts_at > :now
                order by m.starts_at""")
                .param("person", personId).param("group", groupId).param("now", Timestamp.from(now))
                .query((rs, row) -> new SeriesRegistrationService.Registered(meeting(rs),
                        Waitlist.Place.valueOf(rs.getString("registration_status")), rs.getBoolean("by_series")))
                .list();
    }

    void changeRegistration(UUID meetingId, UUID personId, String status, Instant at) {
        jdbc.sql("""
                update registration set status = :status, changed_at = :at
                where meeting_id = :meeting and practitioner_id = :person""")
                .param("meeting", meetingId).param("person", personId).param("status", status)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** A person's registrations with their meetings, upcoming first. */
    List<MeetingService.MyRegistration> registrationsOf(UUID personId, Instant from) {
        return jdbc.sql("select r.status as registration_status, " + COLUMNS + "\n" + """
                 from registration r join meeting m on m.id = r.meeting_id
                where r.practitioner_id = :person and r.status <> 'CANCELLED' and m.ends_at >= :from
                order by m.starts_at""")
                .param("person", personId)
                .param("from", Timestamp.from(from))
                .query((rs, row) -> new MeetingService.MyRegistration(meeting(rs),
                        Waitlist.Place.valueOf(rs.getString("registration_status"))))
                .list();
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                rs.getObject("group_id", UUID.class), MeetingKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("description"), rs.getString("key_speaker"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("venue_id", UUID.class),
                rs.getString("online_url"), rs.getInt("capacity"), MeetingStatus.valueOf(rs.getString("status")),
                rs.getInt("sequence"), rs.getString("cancel_reason"), rs.getObject("scheduled_by", UUID.class),
                rs.getTimestamp("updated_at").toInstant(), recordedAfterwards(rs));
    }

    private static RecordedAfterwards recordedAfterwards(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("recorded_afterwards_at");
        return at == null ? null : new RecordedAfterwards(rs.getObject("recorded_afterwards_by", UUID.class),
                at.toInstant());
    }
}

package org.exchange.exchange.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance at meetings, and the history of every version of it. */
@Repository
class Attendances {

    private static final String COLUMNS = """
            a.id, a.meeting_id, a.practitioner_id, a.organisation_id, a.role, a.minutes, a.recorded_by,
            a.recorded_at, a.recorded_afterwards""";

    private final JdbcClient jdbc;

    Attendances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Attendance> find(UUID meetingId, UUID practitionerId) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from attendance a where a.meeting_id = :meeting and a.practitioner_id = :person""")
                .param("meeting", meetingId).param("person", practitionerId)
                .query((rs, row) -> attendance(rs)).optional();
    }

    /** The attendance already recorded at a meeting for any of these people, by person. */
    Map<UUID, Attendance> find(UUID meetingId, Collection<UUID> practitionerIds) {
        if (practitionerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from attendance a where a.meeting_id = :meeting and a.practitioner_id = any(cast(:people as uuid[]))""")
                .param("meeting", meetingId).param("people", texts(practitionerIds.stream()))
                .query((rs, row) -> attendance(rs)).list().stream()
                .collect(Collectors.toMap(Attendance::practitionerId, Function.identity()));
    }

    /** A version of an attendance to save: a first record, or a correction with its reason. */
    record Version(Attendance attendance, boolean correction, String reason) {
    }

    /**
     * Saves the current versions and adds them to the history: one statement for the attendance and one for its
     * history, whatever the number of lines, so that the report read model's statement-level triggers (V21_5) run
     * once for the whole register rather than once per line.
     */
    void save(List<Version> versions) {
        if (versions.isEmpty()) {
            return;
        }
        List<Attendance> saved = versions.stream().map(Version::attendance).toList();
        jdbc.sql("""
                insert into attendance (id, meeting_id, practitioner_id, organisation_id, role, minutes, recorded_by,
                                        recorded_at, recorded_afterwards)
                select * from unnest(cast(:ids as uuid[]), cast(:meetings as uuid[]), cast(:people as uuid[]),
                                     cast(:organisations as text[]), cast(:roles as text[]), cast(:minutes as int[]),
                                     cast(:by as uuid[]), cast(:at as timestamptz[]), cast(:afterwards as boolean[]))
                on conflict (id) do update
                  set role = excluded.role, minutes = excluded.minutes, recorded_by = excluded.recorded_by,
                      recorded_at = excluded.recorded_at""")
                .param("ids", texts(saved.stream().map(Attendance::id)))
                .param("meetings", texts(saved.stream().map(Attendance::meetingId)))
                .param("people", texts(saved.stream().map(Attendance::practitionerId)))
                .param("organisations", saved.stream().map(Attendance::organisationId).toArray(String[]::new))
                .param("roles", texts(saved.stream().map(Attendance::role)))
                .param("minutes", saved.stream().mapToInt(Attendance::minutes).toArray())
                .param("by", texts(saved.stream().map(Attendance::recordedBy)))
                .param("at", texts(saved.stream().map(Attendance::recordedAt)))
                .param("afterwards", texts(saved.stream().map(Attendance::recordedAfterwards)))
                .update();
        jdbc.sql("""
                insert into attendance_revision (attendance_id, role, minutes, correction, reason, recorded_by,
                                                 recorded_at)
                select attendance_id, role, minutes, correction, reason, recorded_by, recorded_at
                  from unnest(cast(:ids as uuid[]), cast(:roles as text[]), cast(:minutes as int[]),
                              cast(:corrections as boolean[]), cast(:reasons as text[]), cast(:by as uuid[]),
                              cast(:at as timestamptz[]))
                       with ordinality as version(attendance_id, role, minutes, correction, reason, recorded_by,
                                                  recorded_at, line)
                 order by line""")
                .param("ids", texts(saved.stream().map(Attendance::id)))
                .param("roles", texts(saved.stream().map(Attendance::role)))
                .param("minutes", saved.stream().mapToInt(Attendance::minutes).toArray())
                .param("corrections", texts(versions.stream().map(Version::correction)))
                .param("reasons", versions.stream().map(Version::reason).toArray(String[]::new))
                .param("by", texts(saved.stream().map(Attendance::recordedBy)))
                .param("at", texts(saved.stream().map(Attendance::recordedAt)))
                .update();
    }

    /** Values as the text PostgreSQL reads back with a cast: one array parameter instead of a parameter per line. */
    private static String[] texts(Stream<?> values) {
        return values.map(value -> value == null ? null : value.toString()).toArray(String[]::new);
    }

    /** Attendance at a meeting; only of one organisation's staff when an organisation is given. */
    List<Attendance> ofMeeting(UUID meetingId, String organisationId) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from attendance a
                where a.meeting_id = :meeting
                  and (cast(:organisation as text) is null or a.organisation_id = :organisation)
                order by a.recorded_at""")
                .param("meeting", meetingId).param("organisation", organisationId)
                .query((rs, row) -> attendance(rs)).list();
    }

    /** Attendance of one organisation's staff at any meeting, latest meetings first. */
    List<Attendance> ofOrganisation(String organisationId) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from attendance a join meeting m on m.id = a.meeting_id
                where a.organisation_id = :organisation
                order by m.starts_at desc""")
                .param("organisation", organisationId)
                .query((rs, row) -> attendance(rs)).list();
    }

    /** Records a guest, or updates the guest of that name at that meeting. */
    void saveGuest(Guest guest) {
        jdbc.sql("""
                insert into meeting_guest (id, meeting_id, name, role, minutes, recorded_by, recorded_at,
                                           recorded_afterwards)
                values (:id, :meeting, :name, :role, :minutes, :by, :at, :afterwards)
                on conflict (meeting_id, name) do update
                  set role = excluded.role, minutes = excluded.minutes, recorded_by = excluded.recorded_by,
                      recorded_at = excluded.recorded_at""")
                .param("id", guest.id())
                .param("meeting", guest.meetingId())
                .param("name", guest.name())
                .param("role", guest.role().name())
                .param("minutes", guest.minutes())
                .param("by", guest.recordedBy())
                .param("at", Timestamp.from(guest.recordedAt()))
                .param("afterwards", guest.recordedAfterwards())
                .update();
    }

    /** The guests at a meeting, in the order they were recorded. */
    List<Guest> guestsOf(UUID meetingId) {
        return jdbc.sql("""
                select id, meeting_id, name, role, minutes, recorded_by, recorded_at, recorded_afterwards
                from meeting_guest
                where meeting_id = :meeting order by recorded_at, name""")
                .param("meeting", meetingId)
                .query((rs, row) -> new Guest(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                        rs.getString("name"), AttendanceRole.valueOf(rs.getString("role")), rs.getInt("minutes"),
                        rs.getObject("recorded_by", UUID.class), instant(rs.getTimestamp("recorded_at")),
                        rs.getBoolean("recorded_afterwards")))
                .list();
    }

    /** Every version of one attendance, oldest first. */
    List<AttendanceService.Revision> history(UUID attendanceId) {
        return jdbc.sql("""
                select role, minutes, correction, reason, recorded_by, recorded_at from attendance_revision
                where attendance_id = :id order by id""")
                .param("id", attendanceId)
                .query((rs, row) -> new AttendanceService.Revision(AttendanceRole.valueOf(rs.getString("role")),
                        rs.getInt("minutes"), rs.getBoolean("correction"), rs.getString("reason"),
                        rs.getObject("recorded_by", UUID.class), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static Attendance attendance(ResultSet rs) throws SQLException {
        return new Attendance(rs.getObject("id", UUID.class), rs.getObject("meeting_id", UUID.class),
                rs.getObject("practitioner_id", UUID.class), rs.getString("organisation_id"),
                AttendanceRole.valueOf(rs.getString("role")), rs.getInt("minutes"),
                rs.getObject("recorded_by", UUID.class), instant(rs.getTimestamp("recorded_at")),
                rs.getBoolean("recorded_afterwards"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}

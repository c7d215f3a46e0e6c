package org.exchange.exchange.attendance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** Saves the current version and adds it to the history. */
    void save(Attendance attendance, boolean correction, String reason) {
        jdbc.sql("""
                insert into attendance (id, meeting_id, practitioner_id, organisation_id, role, minutes, recorded_by,
                                        recorded_at, recorded_afterwards)
                values (:id, :meeting, :person, :organisation, :role, :minutes, :by, :at, :afterwards)
                on conflict (id) do update
                  set role = excluded.role, minutes = excluded.minutes, recorded_by = excluded.recorded_by,
                      recorded_at = excluded.recorded_at""")
                .param("id", attendance.id())
                .param("meeting", attendance.meetingId())
                .param("person", attendance.practitionerId())
                .param("organisation", attendance.organisationId())
                .param("role", attendance.role().name())
                .param("minutes", attendance.minutes())
                .param("by", attendance.recordedBy())
                .param("at", Timestamp.from(attendance.recordedAt()))
                .param("afterwards", attendance.recordedAfterwards())
                .update();
        jdbc.sql("""
                insert into attendance_revision (attendance_id, role, minutes, correction, reason, recorded_by,
                                                 recorded_at)
                values (:id, :role, :minutes, :correction, :reason, :by, :at)""")
                .param("id", attendance.id())
                .param("role", attendance.role().name())
                .param("minutes", attendance.minutes())
                .param("correction", correction)
                .param("reason", reason)
                .param("by", attendance.recordedBy())
                .param("at", Timestamp.from(attendance.recordedAt()))
                .update();
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

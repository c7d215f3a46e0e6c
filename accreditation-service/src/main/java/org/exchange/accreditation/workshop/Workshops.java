package org.exchange.accreditation.workshop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workshops people facilitated, kept from exchange's attendance: one row per attendance record, replaced by its
 * corrections and removed when a correction makes it no workshop facilitated (0 minutes, or another role).
 */
@Repository
public class Workshops {

    private final JdbcClient jdbc;

    Workshops(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the latest word on one attendance.
     *
     * @return whether the person's workshops changed
     */
    public boolean attendanceRecorded(UUID attendanceId, UUID practitionerId, UUID meetingId, String title,
            Instant startsAt, String role, int minutes, Instant recordedAt) {
        if (!Workshop.counts(role, minutes)) {
            return jdbc.sql("delete from workshop where attendance_id = :id").param("id", attendanceId).update() > 0;
        }
        return jdbc.sql("""
                insert into workshop (attendance_id, practitioner_id, meeting_id, title, starts_at, role, minutes,
                                      recorded_at)
                values (:id, :person, :meeting, :title, :startsAt, :role, :minutes, :at)
                on conflict (attendance_id) do update
                  set role = excluded.role, minutes = excluded.minutes, title = excluded.title,
                      starts_at = excluded.starts_at, recorded_at = excluded.recorded_at
                  where workshop.recorded_at <= excluded.recorded_at""")
                .param("id", attendanceId).param("person", practitionerId).param("meeting", meetingId)
                .param("title", title).param("startsAt", Timestamp.from(startsAt)).param("role", role)
                .param("minutes", minutes).param("at", Timestamp.from(recordedAt))
                .update() > 0;
    }

    /** A person's workshops that began on or after the instant, oldest first. */
    public List<Workshop> of(UUID practitionerId, Instant since) {
        return jdbc.sql("""
                select * from workshop where practitioner_id = :person and starts_at >= :since order by starts_at""")
                .param("person", practitionerId).param("since", Timestamp.from(since))
                .query((rs, row) -> workshop(rs)).list();
    }

    /** Forgets every workshop of the person (erasure). */
    public void forget(UUID practitionerId) {
        jdbc.sql("delete from workshop where practitioner_id = :person").param("person", practitionerId).update();
    }

    /** Whether the person facilitated or led the meeting. */
    public boolean facilitated(UUID practitionerId, UUID meetingId) {
        return jdbc.sql("select count(*) from workshop where practitioner_id = :person and meeting_id = :meeting")
                .param("person", practitionerId).param("meeting", meetingId).query(Integer.class).single() > 0;
    }

    private static Workshop workshop(ResultSet rs) throws SQLException {
        return new Workshop(rs.getObject("attendance_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getObject("meeting_id", UUID.class), rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(), rs.getString("role"), rs.getInt("minutes"));
    }
}

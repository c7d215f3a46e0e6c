package org.exchange.membership.cpd;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.membership.versioning.ExpectedVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The CPD records of every practitioner. */
@Repository
class CpdActivities {

    private final JdbcClient jdbc;

    CpdActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CpdActivity> find(UUID id) {
        return jdbc.sql("select * from cpd_activity where id = :id").param("id", id)
                .query((rs, row) -> activity(rs)).optional();
    }

    Optional<CpdActivity> ofAttendance(UUID attendanceId) {
        return jdbc.sql("select * from cpd_activity where attendance_id = :id").param("id", attendanceId)
                .query((rs, row) -> activity(rs)).optional();
    }

    /** A practitioner's activities between two days, both included, in the order they happened. */
    List<CpdActivity> of(UUID practitionerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select * from cpd_activity where practitioner_id = :practitioner
                  and occurred_on between :from and :to order by occurred_on, recorded_at, id""")
                .param("practitioner", practitionerId)
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((rs, row) -> activity(rs)).list();
    }

    List<CpdActivity> allOf(UUID practitionerId) {
        return jdbc.sql("select * from cpd_activity where practitioner_id = :practitioner order by occurred_on, id")
                .param("practitioner", practitionerId)
                .query((rs, row) -> activity(rs)).list();
    }

    /**
     * Stores a new activity, or a change to the version it was read at.
     *
     * @return the activity at its new version
     * @throws ExpectedVersion.Stale when it was changed since it was read
     */
    CpdActivity save(CpdActivity activity) {
        int stored = jdbc.sql("""
                insert into cpd_activity (id, practitioner_id, type, title, occurred_on, hours, reflection,
                  evidence_link, source, attendance_id, enrolment_id, recorded_at, version)
                values (:id, :practitioner, :type, :title, :occurredOn, :hours, :reflection, :evidenceLink, :source,
                  :attendanceId, :enrolmentId, :recordedAt, 1)
                on conflict (id) do update set version = cpd_activity.version + 1, type = excluded.type,
                  title = excluded.title, occurred_on = excluded.occurred_on, hours = excluded.hours,
                  reflection = excluded.reflection, evidence_link = excluded.evidence_link,
                  recorded_at = excluded.recorded_at
                where cpd_activity.version = :version""")
                .param("id", activity.id())
                .param("practitioner", activity.practitionerId())
                .param("type", activity.type().name())
                .param("title", activity.title())
                .param("occurredOn", Date.valueOf(activity.occurredOn()))
                .param("hours", activity.hours())
                .param("reflection", activity.reflection())
                .param("evidenceLink", activity.evidenceLink())
                .param("source", activity.source().name())
                .param("attendanceId", activity.attendanceId())
                .param("enrolmentId", activity.enrolmentId())
                .param("recordedAt", Timestamp.from(activity.recordedAt()))
                .param("version", activity.version())
                .update();
        if (stored == 0) {
            throw new ExpectedVersion.Stale("this CPD activity");
        }
        return find(activity.id()).orElseThrow();
    }

    /** Adds the entry of an award unless the award has one already. */
    void addIfAbsent(CpdActivity activity) {
        jdbc.sql("""
                insert into cpd_activity (id, practitioner_id, type, title, occurred_on, hours, source, enrolment_id,
                  recorded_at)
                values (:id, :practitioner, :type, :title, :occurredOn, :hours, :source, :enrolmentId, :recordedAt)
                on conflict (enrolment_id) do nothing""")
                .param("id", activity.id())
                .param("practitioner", activity.practitionerId())
                .param("type", activity.type().name())
                .param("title", activity.title())
                .param("occurredOn", Date.valueOf(activity.occurredOn()))
                .param("hours", activity.hours())
                .param("source", activity.source().name())
                .param("enrolmentId", activity.enrolmentId())
                .param("recordedAt", Timestamp.from(activity.recordedAt()))
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from cpd_activity where id = :id").param("id", id).update();
    }

    /**
     * Removes the activity read at {@code readVersion}.
     *
     * @throws ExpectedVersion.Stale when it was changed since it was read
     */
    void delete(UUID id, long readVersion) {
        if (jdbc.sql("delete from cpd_activity where id = :id and version = :version")
                .param("id", id).param("version", readVersion).update() == 0) {
            throw new ExpectedVersion.Stale("this CPD activity");
        }
    }

    /** Keeps the hours (they count in aggregates) and drops what the person wrote. */
    void erasePersonalData(UUID practitionerId) {
        jdbc.sql("""
                update cpd_activity set reflection = null, evidence_link = null,
                  title = case when source = 'SELF' then 'Erased activity' else title end
                where practitioner_id = :practitioner""")
                .param("practitioner", practitionerId).update();
    }

    private static CpdActivity activity(ResultSet rs) throws SQLException {
        return new CpdActivity(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                CpdType.valueOf(rs.getString("type")), rs.getString("title"),
                rs.getDate("occurred_on").toLocalDate(), rs.getBigDecimal("hours"), rs.getString("reflection"),
                rs.getString("evidence_link"), CpdActivity.Source.valueOf(rs.getString("source")),
                rs.getObject("attendance_id", UUID.class), rs.getObject("enrolment_id", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"));
    }
}

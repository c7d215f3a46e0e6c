package org.exchange.membership.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments, current and past. */
@Repository
class Appointments {

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Appointment> current(UUID practitionerId, AppointableRole role) {
        return jdbc.sql("""
                select * from appointment
                where practitioner_id = :practitioner and role = :role and withdrawn_at is null""")
                .param("practitioner", practitionerId)
                .param("role", role.name())
                .query(Appointments::appointment)
                .optional();
    }

    /** The programme-wide appointments that hold now: facilitators and assessors. */
    List<Appointment> currentOnes() {
        return jdbc.sql("select * from appointment where withdrawn_at is null and role <> 'ORG_ADMIN'"
                + " order by appointed_at desc")
                .query(Appointments::appointment)
                .list();
    }

    /**
     * Who should hold the realm role: a current appointment to it, and an account to hold it in (an erased person's
     * account has ended, and holds no role whatever their appointments say).
     */
    Set<UUID> holders(AppointableRole role) {
        return Set.copyOf(jdbc.sql("""
                select a.practitioner_id from appointment a join practitioner p on p.id = a.practitioner_id
                where a.role = :role and a.withdrawn_at is null and p.erased_at is null""")
                .param("role", role.name()).query(UUID.class).list());
    }

    /** Whether the person should hold the realm role, as {@link #holders} says. */
    boolean holds(UUID practitionerId, AppointableRole role) {
        return jdbc.sql("""
                select exists (select 1 from appointment a join practitioner p on p.id = a.practitioner_id
                  where a.practitioner_id = :practitioner and a.role = :role and a.withdrawn_at is null
                  and p.erased_at is null)""")
                .param("practitioner", practitionerId)
                .param("role", role.name())
                .query(Boolean.class).single();
    }

    /** Who has ever been appointed to the role, holding it now or not: the people whose role this service decides. */
    Set<UUID> everAppointed(AppointableRole role) {
        return Set.copyOf(jdbc.sql("select distinct practitioner_id from appointment where role = :role")
                .param("role", role.name()).query(UUID.class).list());
    }

    /** The organisation's current org-admins appointed here, the earliest first. */
    List<Appointment> currentOrgAdmins(String organisationId) {
        return jdbc.sql("""
                select * from appointment where role = 'ORG_ADMIN' and organisation_id = :organisation
                and withdrawn_at is null order by appointed_at""")
                .param("organisation", organisationId)
                .query(Appointments::appointment)
                .list();
    }

    /**
     * The organisation's current org-admins, their rows locked until the transaction ends: two withdrawals at once
     * count one after the other, so that they cannot both leave one behind and end with none.
     */
    List<UUID> lockCurrentOrgAdmins(String organisationId) {
        return jdbc.sql("""
                select practitioner_id from appointment where role = 'ORG_ADMIN' and organisation_id = :organisation
                and withdrawn_at is null order by id for update""")
                .param("organisation", organisationId).query(UUID.class).list();
    }

    void add(Appointment appointment) {
        jdbc.sql("""
                insert into appointment (id, practitioner_id, role, appointed_by, appointed_at, organisation_id)
                values (:id, :practitioner, :role, :by, :at, :organisation)""")
                .param("organisation", appointment.organisationId())
                .param("id", appointment.id())
                .param("practitioner", appointment.practitionerId())
                .param("role", appointment.role().name())
                .param("by", appointment.appointedBy())
                .param("at", Timestamp.from(appointment.appointedAt()))
                .update();
    }

    void withdraw(UUID id, UUID by, Instant at) {
        jdbc.sql("update appointment set withdrawn_by = :by, withdrawn_at = :at where id = :id")
                .param("id", id)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
        return new Appointment(
                rs.getObject("id", UUID.class),
                rs.getObject("practitioner_id", UUID.class),
                AppointableRole.valueOf(rs.getString("role")),
                rs.getObject("appointed_by", UUID.class),
                rs.getTimestamp("appointed_at").toInstant(),
                rs.getObject("withdrawn_by", UUID.class),
                withdrawnAt == null ? null : withdrawnAt.toInstant(),
                rs.getString("organisation_id"));
    }
}

package org.exchange.exchange.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who holds which appointment (facilitator, assessor), as membership-service tells in its events: the local read
 * model that lets this context enforce appointments without asking membership-service.
 */
@Repository
public class Appointments {

    /** The realm role of a facilitator appointment. */
    public static final String FACILITATOR = "facilitator";

    /** Where a person's appointment to a role stands. */
    public enum Status { APPOINTED, WITHDRAWN }

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an appointment or its withdrawal, unless a later fact about the same person and role is already known
     * (events about different appointments may arrive out of order).
     *
     * @return whether this fact is now the latest
     */
    public boolean record(UUID personId, String role, UUID appointmentId, Status status, Instant at) {
        return jdbc.sql("""
                insert into appointment (practitioner_id, role, appointment_id, status, changed_at)
                values (:person, :role, :appointment, :status, :at)
                on conflict (practitioner_id, role) do update
                  set appointment_id = excluded.appointment_id, status = excluded.status,
                      changed_at = excluded.changed_at
                  where appointment.changed_at <= excluded.changed_at""")
                .param("person", personId).param("role", role).param("appointment", appointmentId)
                .param("status", status.name()).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Where the person's appointment to the role stands, if membership-service ever told of one. */
    public Optional<Status> status(UUID personId, String role) {
        return jdbc.sql("select status from appointment where practitioner_id = :person and role = :role")
                .param("person", personId).param("role", role)
                .query((rs, row) -> Status.valueOf(rs.getString("status"))).optional();
    }

    /** Of the given people, those who do not hold the role now. */
    public List<UUID> notAppointed(Collection<UUID> personIds, String role) {
        List<UUID> appointed = personIds.isEmpty() ? List.of() : jdbc.sql("""
                select practitioner_id from appointment
                where practitioner_id in (:people) and role = :role and status = 'APPOINTED'""")
                .param("people", personIds).param("role", role)
                .query(UUID.class).list();
        return personIds.stream().filter(person -> !appointed.contains(person)).distinct().toList();
    }
}

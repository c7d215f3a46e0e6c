package org.exchange.membership.appointment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People whose realm role in the identity provider has still to be brought into line with their appointments: a
 * transactional outbox for Keycloak, written in the appointment's own transaction. Attempts are paced by the
 * database's own time ({@code now()}), not by the service's business clock, which tests freeze and move and which a
 * local platform may run ahead: a retry must come after real seconds, on every instance alike.
 */
@Repository
class RoleSyncRequests {

    private final JdbcClient jdbc;

    RoleSyncRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person and one of their roles. */
    record PersonRole(UUID practitionerId, AppointableRole role) {
    }

    /** Asks for the person's role to be synchronised now; a request already waiting is made due again. */
    void request(PersonRole pair, Instant now) {
        jdbc.sql("""
                insert into identity_role_sync (practitioner_id, role, requested_at, attempts, next_attempt_at)
                values (:practitioner, :role, :now, 0, now())
                on conflict (practitioner_id, role) do update set requested_at = :now, attempts = 0,
                  next_attempt_at = now(), last_error = null""")
                .param("practitioner", pair.practitionerId())
                .param("role", pair.role().name())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks the request, if there is one and no other instance is working on it; held until the transaction ends, so
     * that one person's role is changed by one worker at a time and a newer appointment waits for it.
     */
    boolean lock(PersonRole pair) {
        return jdbc.sql("""
                select 1 from identity_role_sync where practitioner_id = :practitioner and role = :role
                for update skip locked""")
                .param("practitioner", pair.practitionerId())
                .param("role", pair.role().name())
                .query(Integer.class).optional().isPresent();
    }

    List<PersonRole> due(int limit) {
        return jdbc.sql("select practitioner_id, role from identity_role_sync where next_attempt_at <= now()"
                + " order by next_attempt_at limit :limit")
                .param("limit", limit)
                .query((rs, row) -> new PersonRole(rs.getObject("practitioner_id", UUID.class),
                        AppointableRole.valueOf(rs.getString("role"))))
                .list();
    }

    void done(PersonRole pair) {
        jdbc.sql("delete from identity_role_sync where practitioner_id = :practitioner and role = :role")
                .param("practitioner", pair.practitionerId())
                .param("role", pair.role().name())
                .update();
    }

    /** Records a failed attempt and when to try again; returns how many attempts have failed. */
    int failed(PersonRole pair, String error, Duration pause) {
        return jdbc.sql("""
                update identity_role_sync set attempts = attempts + 1, last_error = :error,
                  next_attempt_at = now() + make_interval(secs => :pause)
                where practitioner_id = :practitioner and role = :role returning attempts""")
                .param("practitioner", pair.practitionerId())
                .param("role", pair.role().name())
                .param("error", error)
                .param("pause", (double) pause.toMillis() / 1000)
                .query(Integer.class).single();
    }

    int attempts(PersonRole pair) {
        return jdbc.sql("select attempts from identity_role_sync where practitioner_id = :practitioner and role = :role")
                .param("practitioner", pair.practitionerId())
                .param("role", pair.role().name())
                .query(Integer.class).optional().orElse(0);
    }

    /** How many people's roles are waiting for the identity provider. */
    long waiting() {
        return jdbc.sql("select count(*) from identity_role_sync").query(Long.class).single();
    }
}

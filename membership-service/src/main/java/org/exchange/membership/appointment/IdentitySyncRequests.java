package org.exchange.membership.appointment;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What Keycloak has still to be brought into line with, per person: one of their realm roles (to what their
 * appointments say) or the end of their account (they were erased). A transactional outbox for Keycloak, written in
 * the use case's own transaction. Attempts are paced by the database's own time ({@code now()}), not by the service's
 * business clock, which tests freeze and move and which a local platform may run ahead: a retry must come after real
 * seconds, on every instance alike.
 */
@Repository
class IdentitySyncRequests {

    private final JdbcClient jdbc;

    IdentitySyncRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request: about whom, and what ({@link #kind()}, as the table keeps it). */
    sealed interface Request permits PersonRole, AccountEnd {

        UUID practitionerId();

        /** The role's name ({@code FACILITATOR}), or {@code ACCOUNT_END}. */
        String kind();

        static Request of(UUID practitionerId, String kind) {
            return AccountEnd.KIND.equals(kind) ? new AccountEnd(practitionerId)
                    : new PersonRole(practitionerId, AppointableRole.valueOf(kind));
        }
    }

    /** A person's realm role must be what their appointments say. */
    record PersonRole(UUID practitionerId, AppointableRole role) implements Request {

        @Override
        public String kind() {
            return role.name();
        }

        @Override
        public String toString() {
            return "the " + role.realmRole() + " role of " + practitionerId;
        }
    }

    /** A person was erased: their account must end. */
    record AccountEnd(UUID practitionerId) implements Request {

        static final String KIND = "ACCOUNT_END";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String toString() {
            return "the end of the account of " + practitionerId;
        }
    }

    /** Asks for the request to be carried out now; one already waiting is made due again. */
    void request(Request request, Instant now) {
        jdbc.sql("""
                insert into identity_sync (practitioner_id, kind, requested_at, attempts, next_attempt_at)
                values (:practitioner, :kind, :now, 0, now())
                on conflict (practitioner_id, kind) do update set requested_at = :now, attempts = 0,
                  next_attempt_at = now(), last_error = null""")
                .param("practitioner", request.practitionerId())
                .param("kind", request.kind())
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks the request, if there is one and no other instance is working on it; held until the transaction ends, so
     * that one person's role or account is changed by one worker at a time and a newer request waits for it.
     */
    boolean lock(Request request) {
        return jdbc.sql("""
                select 1 from identity_sync where practitioner_id = :practitioner and kind = :kind
                for update skip locked""")
                .param("practitioner", request.practitionerId())
                .param("kind", request.kind())
                .query(Integer.class).optional().isPresent();
    }

    List<Request> due(int limit) {
        return jdbc.sql("select practitioner_id, kind from identity_sync where next_attempt_at <= now()"
                + " order by next_attempt_at limit :limit")
                .param("limit", limit)
                .query((rs, row) -> Request.of(rs.getObject("practitioner_id", UUID.class), rs.getString("kind")))
                .list();
    }

    void done(Request request) {
        jdbc.sql("delete from identity_sync where practitioner_id = :practitioner and kind = :kind")
                .param("practitioner", request.practitionerId())
                .param("kind", request.kind())
                .update();
    }

    /** Records a failed attempt and when to try again; returns how many attempts have failed. */
    int failed(Request request, String error, Duration pause) {
        return jdbc.sql("""
                update identity_sync set attempts = attempts + 1, last_error = :error,
                  next_attempt_at = now() + make_interval(secs => :pause)
                where practitioner_id = :practitioner and kind = :kind returning attempts""")
                .param("practitioner", request.practitionerId())
                .param("kind", request.kind())
                .param("error", error)
                .param("pause", (double) pause.toMillis() / 1000)
                .query(Integer.class).single();
    }

    int attempts(Request request) {
        return jdbc.sql("select attempts from identity_sync where practitioner_id = :practitioner and kind = :kind")
                .param("practitioner", request.practitionerId())
                .param("kind", request.kind())
                .query(Integer.class).optional().orElse(0);
    }

    /** How many requests, for roles and account ends, are waiting for the identity provider. */
    long waiting() {
        return jdbc.sql("select count(*) from identity_sync").query(Long.class).single();
    }
}

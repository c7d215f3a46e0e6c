package org.exchange.exchange.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who registered for all of a group's meetings, and since when. */
@Repository
class SeriesRegistrations {

    private final JdbcClient jdbc;

    SeriesRegistrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues the changes to one group's series registrations and the scheduling of its meetings until the transaction
     * ends, so that a meeting scheduled while someone starts their series registration is never missed by both.
     */
    void lockGroup(UUID groupId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('series-registration:' || :group, 0))")
                .param("group", groupId.toString()).query().rowSet();
    }

    /** Starts one; false when the person had one already. */
    boolean add(UUID groupId, UUID personId, Instant at) {
        return jdbc.sql("""
                insert into series_registration (group_id, practitioner_id, started_at) values (:group, :person, :at)
                on conflict do nothing""")
                .param("group", groupId).param("person", personId).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Ends one; false when there was none. */
    boolean remove(UUID groupId, UUID personId) {
        return jdbc.sql("delete from series_registration where group_id = :group and practitioner_id = :person")
                .param("group", groupId).param("person", personId).update() == 1;
    }

    /** When the person registered for all of the group's meetings, if they did. */
    Optional<Instant> since(UUID groupId, UUID personId) {
        return jdbc.sql("""
                select started_at from series_registration where group_id = :group and practitioner_id = :person""")
                .param("group", groupId).param("person", personId)
                .query((rs, row) -> rs.getTimestamp("started_at").toInstant()).optional();
    }

    /** Everyone registered for all of the group's meetings, first come first. */
    List<UUID> of(UUID groupId) {
        return jdbc.sql("""
                select practitioner_id from series_registration where group_id = :group
                order by started_at, practitioner_id""")
                .param("group", groupId).query(UUID.class).list();
    }

    /** Forgets the person's series registrations (erasure). */
    int removeAllOf(UUID personId) {
        return jdbc.sql("delete from series_registration where practitioner_id = :person")
                .param("person", personId).update();
    }
}

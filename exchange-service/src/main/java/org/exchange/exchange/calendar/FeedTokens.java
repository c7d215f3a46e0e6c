package org.exchange.exchange.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The secret feed token of each person who subscribed their calendar; one per person. */
@Repository
class FeedTokens {

    private final JdbcClient jdbc;

    FeedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives the person this token, replacing any earlier one (which stops working). */
    void replace(UUID personId, String token, Instant now) {
        jdbc.sql("""
                insert into calendar_feed_token (practitioner_id, token, created_at) values (:person, :token, :at)
                on conflict (practitioner_id) do update set token = excluded.token, created_at = excluded.created_at""")
                .param("person", personId).param("token", token).param("at", Timestamp.from(now))
                .update();
    }

    boolean revoke(UUID personId) {
        return jdbc.sql("delete from calendar_feed_token where practitioner_id = :person").param("person", personId)
                .update() == 1;
    }

    Optional<UUID> owner(String token) {
        return jdbc.sql("select practitioner_id from calendar_feed_token where token = :token").param("token", token)
                .query(UUID.class).optional();
    }
}

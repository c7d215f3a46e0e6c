package org.exchange.exchange.calendar;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.exchange.platform.security.SecretTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The secret feed token of each person who subscribed their calendar, one per person, kept only as its SHA-256: the
 * token itself is shown once, to its owner, when it is issued.
 */
@Repository
class FeedTokens {

    private final JdbcClient jdbc;

    FeedTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Gives the person this token, replacing any earlier one (which stops working). */
    void replace(UUID personId, String token, Instant now) {
        jdbc.sql("""
                insert into calendar_feed_token (practitioner_id, token_hash, created_at)
                values (:person, :hash, :at)
                on conflict (practitioner_id) do update
                  set token_hash = excluded.token_hash, created_at = excluded.created_at""")
                .param("person", personId).param("hash", SecretTokens.hash(token)).param("at", Timestamp.from(now))
                .update();
    }

    boolean revoke(UUID personId) {
        return jdbc.sql("delete from calendar_feed_token where practitioner_id = :person").param("person", personId)
                .update() == 1;
    }

    Optional<UUID> owner(String token) {
        return jdbc.sql("select practitioner_id from calendar_feed_token where token_hash = :hash")
                .param("hash", SecretTokens.hash(token)).query(UUID.class).optional();
    }
}

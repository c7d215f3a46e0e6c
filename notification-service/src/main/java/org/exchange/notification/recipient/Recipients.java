package org.exchange.notification.recipient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people notification-service can write to. An erased person stays erased: later events do not refill them. */
@Repository
public class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds or refreshes what is known of a person from their profile. */
    public void save(UUID id, String email, String givenName, String familyName) {
        jdbc.sql("""
                insert into recipient (id, email, given_name, family_name) values (:id, :email, :given, :family)
                on conflict (id) do update set email = excluded.email, given_name = excluded.given_name,
                                               family_name = excluded.family_name
                where recipient.erased_at is null""")
                .param("id", id)
                .param("email", email)
                .param("given", givenName)
                .param("family", familyName)
                .update();
    }

    /**
     * Refreshes how to reach and greet a person from an event that carries them; what the event leaves out is kept.
     */
    public void refreshContact(UUID id, String email, String givenName) {
        jdbc.sql("""
                insert into recipient (id, email, given_name) values (:id, :email, :given)
                on conflict (id) do update set email = coalesce(excluded.email, recipient.email),
                                               given_name = coalesce(excluded.given_name, recipient.given_name)
                where recipient.erased_at is null""")
                .param("id", id)
                .param("email", email)
                .param("given", givenName)
                .update();
    }

    public Optional<Recipient> find(UUID id) {
        return jdbc.sql("select id, email, given_name, family_name, erased_at from recipient where id = :id")
                .param("id", id)
                .query((rs, row) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("given_name"), rs.getString("family_name"), rs.getTimestamp("erased_at") != null))
                .optional();
    }

    /** Removes a person's personal data and remembers that it was erased. */
    public void erase(UUID id, Instant at) {
        jdbc.sql("""
                insert into recipient (id, erased_at) values (:id, :at)
                on conflict (id) do update set email = null, given_name = null, family_name = null,
                                               erased_at = coalesce(recipient.erased_at, excluded.erased_at)""")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }
}

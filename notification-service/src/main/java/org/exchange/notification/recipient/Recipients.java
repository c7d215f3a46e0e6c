package org.exchange.notification.recipient;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people notification-service can write to. */
@Repository
public class Recipients {

    private final JdbcClient jdbc;

    Recipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds or refreshes what is known of a person. */
    public void save(Recipient recipient) {
        jdbc.sql("""
                insert into recipient (id, email, given_name, family_name) values (:id, :email, :given, :family)
                on conflict (id) do update set email = excluded.email, given_name = excluded.given_name,
                                               family_name = excluded.family_name""")
                .param("id", recipient.id())
                .param("email", recipient.email())
                .param("given", recipient.givenName())
                .param("family", recipient.familyName())
                .update();
    }

    public Optional<Recipient> find(UUID id) {
        return jdbc.sql("select id, email, given_name, family_name from recipient where id = :id")
                .param("id", id)
                .query((rs, row) -> new Recipient(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("given_name"), rs.getString("family_name")))
                .optional();
    }
}

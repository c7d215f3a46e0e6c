package org.exchange.notification;

import java.util.Set;
import java.util.stream.Collectors;

import org.exchange.notification.newsletter.Audience;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is in an audience, as notification-service found it on each call before V22_1 (the query {@code Audiences} ran
 * then, word for word): the oracle the view the sender reads and the counts the database keeps are held to.
 */
final class RawAudienceQuery {

    private static final String MEMBERS = """
            select r.id, r.email from recipient r
            join mail_preference p on p.recipient_id = r.id and p.category = 'NEWSLETTER' and p.email
            where r.erased_at is null and r.email is not null and r.email <> ''
              and not exists (select 1 from mail_suppression s where s.email = lower(r.email))
              and (:segment = 'CONSENTED'
                   or (:segment = 'MEMBERS' and exists (select 1 from membership m
                                                         where m.practitioner_id = r.id and m.active))
                   or (:segment = 'NETWORK' and exists (select 1 from network_participant n
                                                         where n.practitioner_id = r.id
                                                           and n.network_id::text = :ref))
                   or (:segment = 'ORGANISATION' and r.organisation_id = :ref))""";

    private RawAudienceQuery() {
    }

    /** Each person in the audience, as {@code id email}. */
    static Set<String> people(JdbcClient jdbc, Audience audience) {
        return jdbc.sql(MEMBERS).param("segment", audience.segment().name()).param("ref", audience.ref())
                .query((rs, row) -> rs.getString("id") + " " + rs.getString("email"))
                .list().stream().collect(Collectors.toSet());
    }
}

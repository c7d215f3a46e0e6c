package org.exchange.notification.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is in an audience, from the local read models: people with a known address, not erased, whose NEWSLETTER
 * e-mail is on (their consent, not since withdrawn by an unsubscribe link or in the portal), whose address has not
 * bounced hard ({@code mail_suppression}), within the segment.
 */
@Repository
class Audiences {

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

    private final JdbcClient jdbc;

    Audiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many people the audience reaches now. */
    int count(Audience audience) {
        return jdbc.sql("select count(*) from (" + MEMBERS + ") audience")
                .param("segment", audience.segment().name()).param("ref", audience.ref())
                .query(Integer.class).single();
    }

    /**
     * Queues one copy of the issue for each person in its audience, all in one statement; a person who already has a
     * copy keeps it. Answers how many copies the issue has.
     */
    int queueCopies(UUID issueId, Audience audience, String webUrl, Instant now) {
        jdbc.sql("""
                insert into outgoing_mail (id, recipient_id, recipient, unsubscribe_category, web_url,
                                           newsletter_issue_id, status, attempts, next_attempt_at, created_at)
                select gen_random_uuid(), audience.id, audience.email, 'NEWSLETTER', :web, :issue, 'PENDING', 0,
                       :now, :now
                from (""" + MEMBERS + """
                ) audience
                on conflict (newsletter_issue_id, recipient_id) where newsletter_issue_id is not null do nothing""")
                .param("segment", audience.segment().name()).param("ref", audience.ref())
                .param("web", webUrl).param("issue", issueId).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select count(*) from outgoing_mail where newsletter_issue_id = :issue")
                .param("issue", issueId).query(Integer.class).single();
    }
}

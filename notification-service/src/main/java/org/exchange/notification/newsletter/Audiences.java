package org.exchange.notification.newsletter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is in an audience, from the local read models: people with a known address, not erased, whose NEWSLETTER
 * e-mail is on (their consent, not since withdrawn by an unsubscribe link or in the portal), whose address has not
 * bounced hard ({@code mail_suppression}), within the segment. That rule is written once, as the database view
 * {@code newsletter_audience} (V22_1): sending enumerates it, and the counts shown are what the database keeps of it in
 * the transaction of each change (docs/adr/0027).
 */
@Repository
class Audiences {

    private final JdbcClient jdbc;

    Audiences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many people the audience reaches now. */
    int count(Audience audience) {
        return jdbc.sql("""
                select coalesce(sum(people), 0) from newsletter_audience_count
                where segment = :segment and ref = :ref""")
                .param("segment", audience.segment().name()).param("ref", ref(audience))
                .query(Long.class).single().intValue();
    }

    /** How many people each audience reaches now, all read at once. */
    Counts counts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select segment, ref, sum(people) as people from newsletter_audience_count
                group by segment, ref having sum(people) <> 0""")
                .query((rs, row) -> Map.entry(rs.getString("segment") + ":" + rs.getString("ref"),
                        rs.getInt("people")))
                .list()
                .forEach(count -> counts.put(count.getKey(), count.getValue()));
        return new Counts(counts);
    }

    /** How many people each audience reaches, by segment and ref; an audience that reaches nobody is not in it. */
    record Counts(Map<String, Integer> byAudience) {

        int of(Audience audience) {
            return byAudience.getOrDefault(audience.segment().name() + ":" + ref(audience), 0);
        }
    }

    /**
     * Sums each audience's count rows into one; answers how many rows were folded. The counts stay the same: this
     * only keeps each count a read of one row or a few.
     */
    long fold() {
        return jdbc.sql("select newsletter_audience_fold()").query(Long.class).single();
    }

    /**
     * Queues one copy of the issue for each person in its audience, all in one statement; a person who already has a
     * copy keeps it. Answers how many copies the issue has.
     */
    int queueCopies(UUID issueId, Audience audience, String webUrl, Instant now) {
        jdbc.sql("""
                insert into outgoing_mail (id, recipient_id, recipient, unsubscribe_category, web_url,
                                           newsletter_issue_id, status, attempts, next_attempt_at, created_at)
                select gen_random_uuid(), audience.person_id, audience.email, 'NEWSLETTER', :web, :issue, 'PENDING', 0,
                       :now, :now
                from newsletter_audience audience
                where audience.segment = :segment and audience.ref = :ref
                on conflict (newsletter_issue_id, recipient_id) where newsletter_issue_id is not null do nothing""")
                .param("segment", audience.segment().name()).param("ref", ref(audience))
                .param("web", webUrl).param("issue", issueId).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("select count(*) from outgoing_mail where newsletter_issue_id = :issue")
                .param("issue", issueId).query(Integer.class).single();
    }

    /** The audience's ref as the view has it: '' for the segments that name none. */
    private static String ref(Audience audience) {
        return audience.ref() == null ? "" : audience.ref();
    }
}

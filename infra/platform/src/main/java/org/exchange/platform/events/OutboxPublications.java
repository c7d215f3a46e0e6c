package org.exchange.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the outbox asks of Spring Modulith's {@code event_publication} table beyond the registry's own API: the order of
 * a key's publications, and how much is waiting. The columns it reads ({@code publication_seq}, {@code event_topic},
 * {@code event_key}) are the platform's (db/platform/R__platform_reliability.sql).
 */
public class OutboxPublications {

    private final JdbcClient jdbc;

    public OutboxPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the publications of the same topic and key as this event's, written before it and not yet completed
     * (failed, or on their way here or on another instance), oldest first; empty when none is, or when the event
     * itself is already completed.
     */
    List<String> olderIncomplete(String eventId) {
        return jdbc.sql("""
                select older.event_id from event_publication mine
                join event_publication older
                  on older.event_topic = mine.event_topic and older.event_key = mine.event_key
                 and older.publication_seq < mine.publication_seq and older.completion_date is null
                where mine.event_id = :id and mine.completion_date is null
                order by older.publication_seq""")
                .param("id", eventId)
                .query(String.class)
                .list();
    }

    /**
     * Failed publications that wait behind an older one of their key that is still on its way (queued or being sent,
     * here or on another instance): resubmitting them now would only hold them back again.
     */
    Set<String> waitingBehindOneOnItsWay() {
        return new HashSet<>(jdbc.sql("""
                select failed.event_id from event_publication failed
                where failed.completion_date is null and failed.status = 'FAILED' and failed.event_id is not null
                  and exists (select 1 from event_publication older
                              where older.event_topic = failed.event_topic and older.event_key = failed.event_key
                                and older.publication_seq < failed.publication_seq
                                and older.completion_date is null and older.status <> 'FAILED')""")
                .query(String.class).list());
    }

    /** Publications not yet acknowledged by the broker. */
    public long incomplete() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class).single();
    }

    /** How long the oldest incomplete publication has waited, if any waits. */
    public Optional<Duration> oldestIncompleteAge(Instant now) {
        return jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
                .query(java.sql.Timestamp.class)
                .optional()
                .map(oldest -> Duration.between(oldest.toInstant(), now));
    }

    /**
     * Marks publications failed that have been on their way (published, processing, resubmitted) for longer than
     * {@code staleAfter} - their instance died, or lost them - so that a resubmission picks them up again.
     *
     * @return how many
     */
    int failStale(Instant now, Duration staleAfter) {
        return jdbc.sql("""
                update event_publication set status = 'FAILED'
                where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                  and coalesce(last_resubmission_date, publication_date) < :before""")
                .param("before", java.sql.Timestamp.from(now.minus(staleAfter)))
                .update();
    }
}

package org.exchange.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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
     * Where an event stands among its key's publications: its own place in their order, and whether a publication of
     * the same topic and key written before it, but after {@code after} in that order, is not yet completed (failed,
     * held back, or on its way on another instance). Empty when the event is already completed.
     */
    Optional<Place> place(String eventId, long after) {
        return jdbc.sql("""
                select mine.publication_seq, exists (
                  select 1 from event_publication older
                  where older.event_topic = mine.event_topic and older.event_key = mine.event_key
                    and older.completion_date is null
                    and older.publication_seq < mine.publication_seq and older.publication_seq > :after) as waiting
                from event_publication mine
                where mine.event_id = :id and mine.completion_date is null""")
                .param("id", eventId)
                .param("after", after)
                .query((row, n) -> new Place(row.getLong(1), row.getBoolean(2)))
                .optional();
    }

    /**
     * @param seq the event's place in its key's order ({@code publication_seq})
     * @param olderWaiting whether an older publication of its key in the range asked about is incomplete
     */
    record Place(long seq, boolean olderWaiting) {
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

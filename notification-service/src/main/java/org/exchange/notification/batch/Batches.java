package org.exchange.notification.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parts of one notice that arrive as separate events, one by one, in any order and on any instance (each is keyed by
 * its own meeting), told together once the last has arrived: meetings scheduled together ({@link MeetingBatches}),
 * registrations made together ({@link SeriesRegistrationBatches}). Once: the batch's row is locked while each part is
 * added, so the batch is found whole by exactly one transaction, which marks it told; a part of a batch already told (an
 * event sent again under a new id) tells nothing more.
 */
@Service
class Batches {

    /** What a batch gathers, kept with it for whoever reads the table. */
    enum Kind {
        MEETINGS_SCHEDULED, SERIES_REGISTRATION
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Batches(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps a part of a batch; answers all of its parts, in order, when this one completes it, in the transaction that
     * handles the part's event (so that its notice is written with it, or not at all).
     *
     * @param size how many parts the batch holds
     * @param partId what the part is about (the same part twice counts once)
     * @param order where the part comes in the notice (then by partId)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    <T> Optional<List<T>> add(Kind kind, UUID batchId, int size, UUID partId, Instant order, T part, Class<T> type) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notice_batch (batch_id, kind, size, created_at) values (:batch, :kind, :size, :now)
                on conflict do nothing""")
                .param("batch", batchId).param("kind", kind.name()).param("size", size)
                .param("now", Timestamp.from(now)).update();
        boolean told = jdbc.sql("select told_at is not null from notice_batch where batch_id = :batch for update")
                .param("batch", batchId).query(Boolean.class).single();
        if (told) {
            return Optional.empty();
        }
        jdbc.sql("""
                insert into notice_batch_part (batch_id, part_id, sort_key, part)
                values (:batch, :part, :order, cast(:json as jsonb))
                on conflict do nothing""")
                .param("batch", batchId).param("part", partId).param("order", Timestamp.from(order))
                .param("json", json.writeValueAsString(part)).update();
        List<T> parts = jdbc.sql("""
                select part::text from notice_batch_part where batch_id = :batch order by sort_key, part_id""")
                .param("batch", batchId).query((rs, row) -> json.readValue(rs.getString(1), type)).list();
        if (parts.size() < size) {
            return Optional.empty();
        }
        jdbc.sql("update notice_batch set told_at = :now where batch_id = :batch")
                .param("batch", batchId).param("now", Timestamp.from(now)).update();
        jdbc.sql("delete from notice_batch_part where batch_id = :batch").param("batch", batchId).update();
        return Optional.of(parts);
    }
}

package org.exchange.exchange.history;

import java.time.Instant;
import java.util.UUID;

/**
 * That something (a meeting, an outcome) was entered after it happened, as programme history: who entered it and when.
 * What it records keeps the date it happened on.
 */
public record RecordedAfterwards(UUID by, Instant at) {

    /** The same, without who entered it: for answers anyone may read. Null stays null. */
    public static RecordedAfterwards anonymous(RecordedAfterwards recorded) {
        return recorded == null ? null : new RecordedAfterwards(null, recorded.at());
    }
}

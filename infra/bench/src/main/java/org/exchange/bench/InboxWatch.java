package org.exchange.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches a consumer's inbox ({@code processed_event}, infra/platform {@code Inbox}) for events of one type becoming
 * visible: the inbox row is written in the same transaction as the consumer's own changes (the CPD activity, the
 * workshop), so the poll that first returns it is the first that could have read those changes. Each poll reads only
 * rows newer than the last it saw, by {@code processed_at} (indexed), and takes the time with the same PostgreSQL
 * clock ({@code statement_timestamp()}); the visibility is known to within one poll. A consumer handles a topic's
 * records one at a time (one listener thread), so its rows commit in {@code processed_at} order; a sweep every
 * {@value #SWEEP_EVERY} polls looks further back all the same, and counts what only it found ({@link #lateFinds()}),
 * whose time is then known less well.
 */
final class InboxWatch implements AutoCloseable {

    /**
     * When one event was handled.
     *
     * @param processedMicros the inbox row's {@code processed_at}: the consumer's transaction began (before its commit)
     * @param visibleMicros the first poll that read the row: its transaction had committed
     */
    record Handled(long processedMicros, long visibleMicros) {
    }

    /** Rows whose consumer's transaction began this long before the newest seen are still looked for. */
    private static final Duration SLACK = Duration.ofMillis(20);
    private static final Duration SWEEP = Duration.ofSeconds(10);
    private static final int SWEEP_EVERY = 200;

    private final String name;
    private final Map<String, Handled> handled = new ConcurrentHashMap<>();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong lateFinds = new AtomicLong();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Exception failure;

    InboxWatch(String name, String jdbcUrl, String user, String password, String eventType, Duration every) {
        this.name = name;
        this.poller = Thread.ofPlatform().name("bench-watch-" + name).start(() -> {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                    PreparedStatement poll = connection.prepareStatement("""
                            select event_id::text, processed_at, statement_timestamp() from processed_event
                            where event_type = ? and processed_at > ? order by processed_at""")) {
                OffsetDateTime since = OffsetDateTime.now().minusSeconds(1);
                poll.setString(1, eventType);
                while (running) {
                    boolean sweep = polls.incrementAndGet() % SWEEP_EVERY == 0;
                    poll.setObject(2, since.minus(sweep ? SWEEP : SLACK));
                    try (ResultSet rows = poll.executeQuery()) {
                        while (rows.next()) {
                            OffsetDateTime processed = rows.getObject(2, OffsetDateTime.class);
                            Handled found = new Handled(Micros.of(processed),
                                    Micros.of(rows.getObject(3, OffsetDateTime.class)));
                            if (handled.putIfAbsent(rows.getString(1), found) == null && sweep
                                    && processed.isBefore(since.minus(SLACK))) {
                                lateFinds.incrementAndGet();
                            }
                            since = processed.isAfter(since) ? processed : since;
                        }
                    }
                    LockSupport.parkNanos(every.toNanos());
                }
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        });
    }

    String name() {
        return name;
    }

    /** Every event seen handled so far, by id. */
    Map<String, Handled> handled() {
        if (failure != null) {
            throw new IllegalStateException("Watching " + name + "'s inbox failed", failure);
        }
        return handled;
    }

    long polls() {
        return polls.get();
    }

    /** Rows only a sweep found: committed out of {@code processed_at} order, seen up to a sweep late. */
    long lateFinds() {
        return lateFinds.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

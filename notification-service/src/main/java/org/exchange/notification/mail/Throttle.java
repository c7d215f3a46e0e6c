package org.exchange.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps one sender under a rate of messages per second and per minute (0 for no limit), so that a newsletter does not
 * trip the receiving servers' limits. Each instance of the service paces itself; N instances send up to N times the
 * rate.
 */
final class Throttle {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perSecond;
    private final int perMinute;
    private final Clock clock;
    private final Deque<Instant> lastMinute = new ArrayDeque<>();

    Throttle(int perSecond, int perMinute, Clock clock) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Whether it limits anything. */
    boolean on() {
        return perSecond > 0 || perMinute > 0;
    }

    /** How long to wait before the next message may go; zero when it may go now. */
    synchronized Duration waitBeforeNext() {
        if (!on()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(now.minus(MINUTE))) {
            lastMinute.pollFirst();
        }
        Duration wait = Duration.ZERO;
        if (perMinute > 0 && lastMinute.size() >= perMinute) {
            wait = max(wait, Duration.between(now, lastMinute.peekFirst().plus(MINUTE)));
        }
        if (perSecond > 0) {
            Instant[] recent = lastMinute.stream().filter(at -> at.isAfter(now.minus(SECOND))).toArray(Instant[]::new);
            if (recent.length >= perSecond) {
                wait = max(wait, Duration.between(now, recent[recent.length - perSecond].plus(SECOND)));
            }
        }
        return wait;
    }

    /** Notes that a message went now. */
    synchronized void sent() {
        if (on()) {
            lastMinute.addLast(clock.instant());
        }
    }

    /** Waits until the next message may go. */
    void pace() throws InterruptedException {
        for (Duration wait = waitBeforeNext(); !wait.isZero() && !wait.isNegative(); wait = waitBeforeNext()) {
            Thread.sleep(wait);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

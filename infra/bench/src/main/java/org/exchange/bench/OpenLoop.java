package org.exchange.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * An open-loop schedule: task {@code i} is due at start + i x interval and starts then, on a virtual thread of its own,
 * whether or not the earlier tasks have finished, so that a slow answer holds back no later one. Latencies count from
 * the due time, so that a stall shows in every task it delayed (no coordinated omission).
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /**
     * When one task was due.
     *
     * @param nanos on the monotonic clock, to wait and measure within this JVM
     * @param micros on the wall clock (epoch microseconds), to compare with the services' and the databases' instants
     */
    record Due(int index, long nanos, long micros) {
    }

    /** The interval between tasks that offers {@code perSecond} of them a second. */
    static Duration interval(double perSecond) {
        return Duration.ofNanos(Math.round(1e9 / perSecond));
    }

    /**
     * Starts every task at its due time and returns once all have finished.
     *
     * @return how late the latest task was started, in nanoseconds: the schedule held when this is small
     */
    static long run(Duration interval, int count, Consumer<Due> task) {
        long startNanos = System.nanoTime();
        long startMicros = Micros.now();
        long latest = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                long dueNanos = startNanos + i * interval.toNanos();
                for (long wait = dueNanos - System.nanoTime(); wait > 0; wait = dueNanos - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                latest = Math.max(latest, System.nanoTime() - dueNanos);
                Due due = new Due(i, dueNanos, startMicros + (dueNanos - startNanos) / 1_000);
                threads.execute(() -> task.accept(due));
            }
        }
        return latest;
    }
}

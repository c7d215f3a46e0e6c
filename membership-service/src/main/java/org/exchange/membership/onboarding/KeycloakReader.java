package org.exchange.membership.onboarding;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread of its own for reading from Keycloak, never the scheduler's: a Keycloak that is starting may hold a call
 * for long, and the scheduler's one thread also retries the roles and providers waiting for Keycloak.
 */
final class KeycloakReader {

    private final ExecutorService thread;
    private final AtomicBoolean scheduledRun = new AtomicBoolean();

    KeycloakReader(String name) {
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    /** The scheduler's run, unless the last one is still at it. */
    void runScheduled(Runnable work) {
        if (scheduledRun.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    work.run();
                } finally {
                    scheduledRun.set(false);
                }
            });
        }
    }

    /** Other work, after what is in hand. */
    void execute(Runnable work) {
        thread.execute(work);
    }

    void stop() {
        thread.shutdownNow();
    }
}

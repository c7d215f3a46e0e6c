package org.exchange.membership.identity;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The pacing by which membership-service makes Keycloak follow what it has committed (ADR 0011, ADR 0021): one worker
 * thread that takes the work after the transaction commits (and never if it rolls back), pauses of 2, 4, 8 ... seconds
 * up to a longest one between failed attempts, and a reconciliation tried at start and again, pausing longer after
 * each failure, until it has succeeded once. The pauses follow real seconds ({@link System#nanoTime()} here, the
 * database's {@code now()} for stored requests), never the service's business clock, which tests freeze.
 */
public final class KeycloakFollower {

    private static final Logger log = LoggerFactory.getLogger(KeycloakFollower.class);

    private final String what;
    private final Duration longestPause;
    private final Runnable reconciliation;
    private final Class<? extends RuntimeException> unavailable;
    private final ExecutorService worker;
    private volatile boolean reconciled;
    private volatile long nextReconcile = System.nanoTime();
    private volatile int failedReconciles;

    /**
     * @param what what is reconciled, for the log, such as {@code the appointments and erasures}
     * @param reconciliation compares Keycloak with the tables and fixes the differences
     * @param unavailable what the reconciliation throws when Keycloak cannot be reached or refuses: tried again later
     */
    public KeycloakFollower(String what, Duration longestPause, Runnable reconciliation,
            Class<? extends RuntimeException> unavailable) {
        this.what = what;
        this.longestPause = longestPause;
        this.reconciliation = reconciliation;
        this.unavailable = unavailable;
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("keycloak-" + what.replace(' ', '-'))
                .daemon().factory());
    }

    /** Within a transaction: the work runs on the worker once it commits; nothing runs if it rolls back. */
    public void afterCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.execute(work);
            }
        });
    }

    /** At start: the reconciliation, on the worker. */
    public void reconcileOnStart() {
        worker.execute(this::reconcileOrRetryLater);
    }

    /** The reconciliation again, if it has not succeeded yet and its pause is over (called by a scheduler). */
    public void reconcileIfStillDue() {
        if (!reconciled && System.nanoTime() - nextReconcile >= 0) {
            reconcileOrRetryLater();
        }
    }

    /** Whether the reconciliation has succeeded once since start. */
    public boolean reconciledOnce() {
        return reconciled;
    }

    /** 2, 4, 8 ... seconds after the given number of failed attempts, at most the longest pause. */
    public Duration pause(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 9));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private void reconcileOrRetryLater() {
        try {
            reconciliation.run();
            reconciled = true;
        } catch (RuntimeException e) {
            if (!unavailable.isInstance(e)) {
                throw e;
            }
            failedReconciles++;
            Duration pause = pause(failedReconciles);
            nextReconcile = System.nanoTime() + pause.toNanos();
            log.warn("Could not reconcile {} with the identity provider ({}); trying again in {}", what,
                    e.getMessage(), pause);
        }
    }

    /** Lets the work in hand finish, for at most ten seconds. */
    public void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}

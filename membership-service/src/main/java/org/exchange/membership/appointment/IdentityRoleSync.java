package org.exchange.membership.appointment;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.exchange.membership.appointment.RoleSyncRequests.PersonRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the facilitator and assessor realm roles in Keycloak in line with the committed appointments. The database
 * is the truth: an appointment's transaction records a {@link RoleSyncRequests request}; only after it commits is
 * Keycloak told, by setting the role to what the appointment table says (idempotent, so order and repetition do no
 * harm). A Keycloak that is down or refuses leaves the request waiting; it is tried again with growing pauses until
 * Keycloak agrees. At start, and until it succeeds once, every role holder in Keycloak is compared with the table and
 * the differences are fixed and logged.
 */
@Service
public class IdentityRoleSync {

    private static final Logger log = LoggerFactory.getLogger(IdentityRoleSync.class);

    private final RoleSyncRequests requests;
    private final Appointments appointments;
    private final RealmRoles realmRoles;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("identity-role-sync").daemon().factory());
    private volatile boolean reconciled;
    /** When to try the reconciliation again, in {@link System#nanoTime()} (real seconds, like the request pacing). */
    private volatile long nextReconcile = System.nanoTime();
    private volatile int failedReconciles;
    private final Duration longestPause;

    IdentityRoleSync(RoleSyncRequests requests, Appointments appointments, RealmRoles realmRoles,
            TransactionTemplate transaction, Clock clock, MeterRegistry meters,
            @Value("${exchange.identity.role-sync.longest-pause:PT5M}") Duration longestPause) {
        this.longestPause = longestPause;
        this.requests = requests;
        this.appointments = appointments;
        this.realmRoles = realmRoles;
        this.transaction = transaction;
        this.clock = clock;
        Gauge.builder("exchange.identity.role-sync.waiting", requests, RoleSyncRequests::waiting)
                .description("People whose realm role Keycloak has still to take").register(meters);
    }

    /**
     * Within the appointment's transaction: the person's role must follow their appointments. Keycloak is told after
     * commit; if the transaction rolls back, nothing is asked of Keycloak at all.
     */
    void requestAfterCommit(UUID practitionerId, AppointableRole role) {
        PersonRole pair = new PersonRole(practitionerId, role);
        requests.request(pair, clock.instant());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.execute(() -> sync(pair));
            }
        });
    }

    /** The requests whose next attempt is due, and the reconciliation until it has succeeded once. */
    @Scheduled(fixedDelayString = "${exchange.identity.role-sync.interval:PT5S}",
            initialDelayString = "${exchange.identity.role-sync.interval:PT5S}")
    void retryDue() {
        for (PersonRole pair : requests.due(100)) {
            sync(pair);
        }
        if (!reconciled && System.nanoTime() - nextReconcile >= 0) {
            reconcileOrRetryLater();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileOnStart() {
        worker.execute(this::reconcileOrRetryLater);
    }

    /**
     * Sets the person's role in Keycloak to what their appointments say, if a request for it waits and no other
     * instance is at it. A failure leaves the request for a later attempt.
     *
     * @return whether Keycloak now agrees
     */
    boolean sync(PersonRole pair) {
        Boolean agreed = transaction.execute(status -> {
            if (!requests.lock(pair)) {
                return false;
            }
            boolean held = appointments.current(pair.practitionerId(), pair.role()).isPresent();
            try {
                if (realmRoles.set(pair.practitionerId(), pair.role().realmRole(), held)) {
                    log.info("Identity provider: {} the {} role {} {}, as the appointments say", held ? "granted"
                            : "revoked", pair.role().realmRole(), held ? "to" : "from", pair.practitionerId());
                }
                requests.done(pair);
                return true;
            } catch (RealmRoles.UnknownPerson e) {
                if (!held) {
                    requests.done(pair); // no account, so no role to take away
                    return true;
                }
                return failed(pair, e);
            } catch (RealmRoles.IdentityProviderUnavailable e) {
                return failed(pair, e);
            }
        });
        return Boolean.TRUE.equals(agreed);
    }

    private boolean failed(PersonRole pair, RuntimeException e) {
        Duration pause = pause(requests.attempts(pair) + 1);
        int attempts = requests.failed(pair, e.getMessage(), pause);
        log.warn("Identity provider did not take the {} role of {} (attempt {}): {}; trying again in {}",
                pair.role().realmRole(), pair.practitionerId(), attempts, e.getMessage(), pause);
        return false;
    }

    /**
     * Compares Keycloak's holders of each appointable role with the appointment table, and fixes the differences: a
     * current appointee without the role is granted it; someone this service appointed once but whose appointment
     * was withdrawn loses it. Holders the table never appointed (granted in Keycloak by hand, the demo accounts) are
     * left as they are.
     *
     * @return what was found and fixed
     */
    public Reconciliation reconcile() {
        int granted = 0;
        int revoked = 0;
        int unmanaged = 0;
        for (AppointableRole role : AppointableRole.values()) {
            // Keycloak first, the table second: a grant always follows its committed appointment, so a holder seen
            // in Keycloak is already in the table when it is read
            Set<UUID> inKeycloak = realmRoles.members(role.realmRole());
            Set<UUID> appointed = appointments.holders(role);
            Set<UUID> decidedHere = appointments.everAppointed(role);
            Set<PersonRole> differ = new HashSet<>();
            for (UUID person : appointed) {
                if (!inKeycloak.contains(person)) {
                    differ.add(new PersonRole(person, role));
                }
            }
            for (UUID person : inKeycloak) {
                if (decidedHere.contains(person) && !appointed.contains(person)) {
                    differ.add(new PersonRole(person, role));
                } else if (!decidedHere.contains(person)) {
                    unmanaged++;
                }
            }
            for (PersonRole pair : differ) {
                transaction.executeWithoutResult(status -> requests.request(pair, clock.instant()));
                boolean holds = appointed.contains(pair.practitionerId());
                log.warn("Identity provider disagreed with the appointments: {} {} the {} role; {} it",
                        pair.practitionerId(), holds ? "lacked" : "still held", role.realmRole(),
                        holds ? "granting" : "revoking");
                if (sync(pair)) {
                    if (holds) {
                        granted++;
                    } else {
                        revoked++;
                    }
                }
            }
        }
        Reconciliation result = new Reconciliation(granted, revoked, unmanaged);
        log.info("Identity provider roles reconciled with the appointments: {} granted, {} revoked; {} role holders"
                + " never appointed here left as they are", granted, revoked, unmanaged);
        return result;
    }

    private void reconcileOrRetryLater() {
        try {
            reconcile();
            reconciled = true;
        } catch (RealmRoles.IdentityProviderUnavailable e) {
            failedReconciles++;
            Duration pause = pause(failedReconciles);
            nextReconcile = System.nanoTime() + pause.toNanos();
            log.warn("Could not reconcile roles with the identity provider ({}); trying again in {}", e.getMessage(),
                    pause);
        }
    }

    /** 2, 4, 8 ... seconds, at most {@code exchange.identity.role-sync.longest-pause}. */
    private Duration pause(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 9));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** What a reconciliation changed, and how many role holders it left alone because it never appointed them. */
    public record Reconciliation(int granted, int revoked, int unmanaged) {
    }
}

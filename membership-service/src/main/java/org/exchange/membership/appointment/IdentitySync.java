package org.exchange.membership.appointment;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.exchange.membership.appointment.IdentitySyncRequests.AccountEnd;
import org.exchange.membership.appointment.IdentitySyncRequests.PersonRole;
import org.exchange.membership.appointment.IdentitySyncRequests.Request;
import org.exchange.membership.identity.KeycloakFollower;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each person's account in Keycloak in line with what this service has committed: the facilitator and assessor
 * realm roles with their appointments, and the end of the account with their erasure (ADR 0011, ADR 0015). The
 * database is the truth: the use case's transaction records an {@link IdentitySyncRequests request}; only after it
 * commits is Keycloak told, by setting the role to what the appointment table says, or by ending the account of a
 * person the practitioner table says is erased (both idempotent, so order and repetition do no harm). A Keycloak that
 * is down or refuses leaves the request waiting; it is tried again with growing pauses until Keycloak agrees. At
 * start, and until it succeeds once, Keycloak is compared with the tables and the differences are fixed and logged.
 */
@Service
public class IdentitySync {

    private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);

    private final IdentitySyncRequests requests;
    private final Appointments appointments;
    private final PractitionerService practitioners;
    private final KeycloakAccounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final KeycloakFollower follower;

    IdentitySync(IdentitySyncRequests requests, Appointments appointments, PractitionerService practitioners,
            KeycloakAccounts accounts, TransactionTemplate transaction, Clock clock, MeterRegistry meters,
            @Value("${exchange.identity.role-sync.longest-pause:PT5M}") Duration longestPause) {
        this.requests = requests;
        this.appointments = appointments;
        this.practitioners = practitioners;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
        this.follower = new KeycloakFollower("the appointments and erasures", longestPause, this::reconcile,
                KeycloakAccounts.IdentityProviderUnavailable.class);
        Gauge.builder("exchange.identity.role-sync.waiting", requests, IdentitySyncRequests::waiting)
                .description("Realm roles and account ends Keycloak has still to take").register(meters);
    }

    /**
     * Within the appointment's transaction: the person's role must follow their appointments. Keycloak is told after
     * commit; if the transaction rolls back, nothing is asked of Keycloak at all.
     */
    void requestAfterCommit(UUID practitionerId, AppointableRole role) {
        requestAfterCommit(new PersonRole(practitionerId, role));
    }

    /**
     * Within the erasure's transaction: the person's Keycloak account must end (deleted, with its sessions and realm
     * roles). Keycloak is told after commit; if the transaction rolls back, the account stays as it was.
     */
    public void endAccountAfterCommit(UUID practitionerId) {
        requestAfterCommit(new AccountEnd(practitionerId));
    }

    private void requestAfterCommit(Request request) {
        requests.request(request, clock.instant());
        follower.afterCommit(() -> sync(request));
    }

    /** The requests whose next attempt is due, and the reconciliation until it has succeeded once. */
    @Scheduled(fixedDelayString = "${exchange.identity.role-sync.interval:PT5S}",
            initialDelayString = "${exchange.identity.role-sync.interval:PT5S}")
    void retryDue() {
        for (Request request : requests.due(100)) {
            sync(request);
        }
        follower.reconcileIfStillDue();
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileOnStart() {
        follower.reconcileOnStart();
    }

    /**
     * Carries the request out in Keycloak, if it waits and no other instance is at it: sets the person's role to what
     * their appointments say, or ends the account of an erased person. A failure leaves the request for a later
     * attempt.
     *
     * @return whether Keycloak now agrees
     */
    boolean sync(Request request) {
        Boolean agreed = transaction.execute(status -> {
            if (!requests.lock(request)) {
                return false;
            }
            try {
                switch (request) {
                    case PersonRole pair -> setRole(pair);
                    case AccountEnd end -> endAccount(end);
                }
                requests.done(request);
                return true;
            } catch (KeycloakAccounts.UnknownPerson | KeycloakAccounts.IdentityProviderUnavailable e) {
                return failed(request, e);
            }
        });
        return Boolean.TRUE.equals(agreed);
    }

    private void setRole(PersonRole pair) {
        boolean held = appointments.holds(pair.practitionerId(), pair.role());
        try {
            if (accounts.setRole(pair.practitionerId(), pair.role().realmRole(), held)) {
                log.info("Identity provider: {} the {} role {} {}, as the appointments say", held ? "granted"
                        : "revoked", pair.role().realmRole(), held ? "to" : "from", pair.practitionerId());
            }
        } catch (KeycloakAccounts.UnknownPerson e) {
            if (held) {
                throw e;
            }
            // no account, so no role to take away
        }
    }

    private void endAccount(AccountEnd end) {
        UUID person = end.practitionerId();
        if (!practitioners.find(person).map(Practitioner::isErased).orElse(false)) {
            return; // only an erasure ends an account, and an erasure is final: not expected to happen
        }
        if (accounts.end(person)) {
            log.info("Identity provider: deleted the account of {} with its sessions and realm roles, as its erasure"
                    + " says", person);
        }
    }

    private boolean failed(Request request, RuntimeException e) {
        Duration pause = follower.pause(requests.attempts(request) + 1);
        int attempts = requests.failed(request, e.getMessage(), pause);
        log.warn("Identity provider did not take {} (attempt {}): {}; trying again in {}", request, attempts,
                e.getMessage(), pause);
        return false;
    }

    /**
     * Compares Keycloak with the tables, and fixes the differences. Roles: Keycloak's holders of each appointable role
     * against the appointment table: a current appointee without the role is granted it; someone this service
     * appointed once but whose appointment was withdrawn, or who was erased since, loses it. Holders the table never
     * appointed (granted in Keycloak by hand, the demo accounts) are left as they are. Accounts: the account of every
     * erased person that Keycloak still has (its end lost, or Keycloak's database restored from before it) is ended.
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
            Set<UUID> inKeycloak = accounts.members(role.realmRole());
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
        int ended = 0;
        for (UUID person : practitioners.erased()) {
            if (accounts.exists(person)) {
                AccountEnd end = new AccountEnd(person);
                transaction.executeWithoutResult(status -> requests.request(end, clock.instant()));
                log.warn("Identity provider disagreed with an erasure: the account of {} was still there; deleting"
                        + " it", person);
                if (sync(end)) {
                    ended++;
                }
            }
        }
        Reconciliation result = new Reconciliation(granted, revoked, unmanaged, ended);
        log.info("Identity provider reconciled with the appointments and erasures: {} roles granted, {} revoked;"
                + " {} role holders never appointed here left as they are; {} accounts of erased people ended",
                granted, revoked, unmanaged, ended);
        return result;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        follower.stop();
    }

    /**
     * What a reconciliation changed (roles granted and revoked, accounts of erased people ended), and how many role
     * holders it left alone because it never appointed them.
     */
    public record Reconciliation(int granted, int revoked, int unmanaged, int accountsEnded) {
    }
}

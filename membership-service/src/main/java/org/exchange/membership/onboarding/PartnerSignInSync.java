package org.exchange.membership.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.exchange.membership.identity.KeycloakFollower;
import org.exchange.membership.organisation.OrganisationService;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps Keycloak's identity providers in line with the onboarded partner sign-ins (ADR 0021). The database is the
 * truth: the onboarding's transaction records the sign-in as waiting to be applied; only after it commits is Keycloak
 * told, by setting the provider and its mappers to what the row says (idempotent, so repetition does no harm). A
 * Keycloak that is down or refuses leaves the sign-in waiting; it is tried again with growing pauses until Keycloak
 * agrees. Each application also gives Keycloak the accounts it lacks of the partner's staff who signed in through it,
 * with their old ids and links (ADR 0023), so that they stay the same people. The reconciliation, at start (until it
 * succeeds once: a fresh Keycloak gets every onboarded partner back, with its staff),
 * on a schedule and on a programme admin's request, compares Keycloak with the table, reports each drift and repairs
 * it.
 */
@Service
public class PartnerSignInSync {

    private static final Logger log = LoggerFactory.getLogger(PartnerSignInSync.class);
    private static final String IN_LINE = "in line";

    private final PartnerSignIns signIns;
    private final KeycloakProviders keycloak;
    private final OrganisationService organisations;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final KeycloakFollower follower;
    private final PartnerSecrets secrets;
    private final PartnerStaffLinks staffLinks;
    private final Counter unexpectedFailures;
    private final JsonMapper json = JsonMapper.builder().build();

    PartnerSignInSync(PartnerSignIns signIns, KeycloakProviders keycloak, OrganisationService organisations,
            TransactionTemplate transaction, Clock clock, MeterRegistry meters, PartnerSecrets secrets,
            PartnerStaffLinks staffLinks, @Value("${exchange.identity.role-sync.longest-pause:PT5M}") Duration longestPause) {
        this.signIns = signIns;
        this.keycloak = keycloak;
        this.organisations = organisations;
        this.transaction = transaction;
        this.clock = clock;
        this.secrets = secrets;
        this.staffLinks = staffLinks;
        this.unexpectedFailures = Counter.builder("exchange.identity.partner-sign-in.unexpected-failures")
                .description("Attempts to apply a partner sign-in to Keycloak that failed for a reason other than"
                        + " Keycloak's answer (the sign-in's last_error says which)")
                .register(meters);
        this.follower = new KeycloakFollower("the partner sign-ins", longestPause, this::reconcile,
                KeycloakProviders.Unavailable.class);
        Gauge.builder("exchange.identity.partner-sign-in.waiting", signIns, PartnerSignIns::waiting)
                .description("Onboarded partner sign-ins Keycloak has still to take").register(meters);
    }

    /** Within the onboarding's transaction: Keycloak is told after commit, and never if it rolls back. */
    void applyAfterCommit(String alias) {
        follower.afterCommit(() -> apply(alias));
    }

    /** The sign-ins whose next attempt is due, and the reconciliation at start until it has succeeded once. */
    @Scheduled(fixedDelayString = "${exchange.identity.role-sync.interval:PT5S}",
            initialDelayString = "${exchange.identity.role-sync.interval:PT5S}")
    void retryDue() {
        for (String alias : signIns.due(100)) {
            apply(alias);
        }
        follower.reconcileIfStillDue();
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileOnStart() {
        follower.reconcileOnStart();
    }

    /** Now and then, for drift made behind the platform's back ({@code -} switches it off). */
    @Scheduled(cron = "${exchange.identity.partner-sign-in.reconcile-cron:0 */15 * * * *}")
    void reconcileOnSchedule() {
        if (follower.reconciledOnce()) {
            reconcile();
        }
    }

    /**
     * Sets the provider and its mappers in Keycloak to what the sign-in's row says, if no other instance is at it. A
     * failure leaves it waiting for a later attempt: Keycloak's refusal or absence as such, anything else (a bug, a
     * client secret that does not decrypt) counted in {@code exchange.identity.partner-sign-in.unexpected-failures}
     * and recorded on the sign-in, so that the health view shows it.
     *
     * @return whether Keycloak now agrees
     */
    boolean apply(String alias) {
        try {
            return applyOrWait(alias);
        } catch (RuntimeException unexpected) {
            unexpectedFailures.increment();
            // the failed transaction is gone: the failure is recorded in one of its own
            Duration pause = follower.pause(signIns.attempts(alias) + 1);
            String error = "Unexpected failure: " + unexpected.getClass().getSimpleName()
                    + (unexpected.getMessage() == null ? "" : ": " + abbreviated(unexpected.getMessage()));
            transaction.executeWithoutResult(status -> signIns.failedUnexpectedly(alias, error, pause));
            log.error("Partner sign-in {} could not be applied to Keycloak ({}); trying again in {}", alias, error,
                    pause, unexpected);
            return false;
        }
    }

    private static String abbreviated(String message) {
        return message.length() <= 300 ? message : message.substring(0, 300) + "...";
    }

    private boolean applyOrWait(String alias) {
        Boolean agreed = transaction.execute(status -> {
            if (!signIns.lock(alias)) {
                return false;
            }
            PartnerSignIn signIn = signIns.find(alias).orElseThrow();
            String name = organisations.nameOf(signIn.organisationId()).orElse(signIn.organisationId());
            try {
                List<String> changed = keycloak.apply(
                        ProviderInKeycloak.provider(signIn, name,
                                signIn.usesSaml() ? null : secrets.decrypt(alias, signIns.secretOf(alias))),
                        ProviderInKeycloak.mappers(signIn));
                List<UserRepresentation> staff = staffLinks.accountsToRestore(alias);
                if (!staff.isEmpty()) {
                    int restored = keycloak.restore(staff);
                    if (restored > 0) {
                        changed.add("gave back the accounts of " + restored + " of its staff, with their old ids");
                    }
                }
                signIns.applied(alias, clock.instant());
                log.info("Identity provider: partner sign-in {} of {} applied{}", alias, signIn.organisationId(),
                        changed.isEmpty() ? "" : " (" + String.join("; ", changed) + ")");
                return true;
            } catch (KeycloakProviders.Unavailable e) {
                Duration pause = follower.pause(signIns.attempts(alias) + 1);
                int attempts = signIns.failed(alias, e.getMessage(), pause);
                log.warn("Identity provider did not take partner sign-in {} (attempt {}): {}; trying again in {}",
                        alias, attempts, e.getMessage(), pause);
                return false;
            }
        });
        return Boolean.TRUE.equals(agreed);
    }

    /**
     * Compares Keycloak with the onboarded sign-ins and repairs what differs: a missing provider or mapper is
     * created, a wrong one set back. A provider Keycloak has that was not onboarded here is left alone, but a mapper
     * of it naming an organisation the platform does not know is reported. The report is kept for programme admins.
     */
    public ReconcileReport reconcile() {
        List<PartnerSignIn> onboarded = signIns.all();
        List<Drift> drifts = new ArrayList<>();
        List<Drift> repaired = new ArrayList<>();
        List<String> notOnboarded = new ArrayList<>();
        int inLine = 0;
        ReconcileReport report;
        try {
            Map<String, PartnerSignIn> byAlias = onboarded.stream()
                    .collect(Collectors.toMap(PartnerSignIn::alias, Function.identity()));
            for (PartnerSignIn signIn : onboarded) {
                List<Drift> found = ProviderInKeycloak.driftOf(signIn, keycloak.provider(signIn.alias()),
                        keycloak.mappers(signIn.alias()));
                if (found.isEmpty()) {
                    inLine++;
                    signIns.reconciled(signIn.alias(), clock.instant(), IN_LINE);
                    continue;
                }
                drifts.addAll(found);
                found.forEach(drift -> log.warn("Identity provider drifted from the onboarded partner sign-in {}: {};"
                        + " repairing it", drift.alias(), drift.detail()));
                transaction.executeWithoutResult(status -> signIns.requestApply(signIn.alias()));
                boolean fixed = apply(signIn.alias());
                if (fixed) {
                    repaired.addAll(found);
                }
                signIns.reconciled(signIn.alias(), clock.instant(), (fixed ? "repaired: " : "not repaired yet: ")
                        + found.stream().map(Drift::detail).collect(Collectors.joining("; ")));
            }
            for (String alias : keycloak.aliases()) {
                if (byAlias.containsKey(alias)) {
                    continue;
                }
                notOnboarded.add(alias);
                for (var mapper : keycloak.mappers(alias)) {
                    String organisation = ProviderInKeycloak.organisationSetBy(mapper);
                    if (organisation != null && !organisations.exists(organisation)) {
                        Drift drift = new Drift(alias, organisation, Drift.Kind.UNKNOWN_ORGANISATION,
                                "The mapper \"" + mapper.getName() + "\" of identity provider " + alias
                                        + " (not onboarded here) sets organisation " + organisation
                                        + ", which the platform does not know; onboard the provider or correct it");
                        log.warn("Identity provider drift: {}", drift.detail());
                        drifts.add(drift);
                    }
                }
            }
            report = new ReconcileReport(clock.instant(), true, null, onboarded.size(), inLine, drifts, repaired,
                    notOnboarded);
            log.info("Identity provider reconciled with the {} onboarded partner sign-ins: {} in line, {} drifts"
                    + " found, {} repaired; {} providers not onboarded here", onboarded.size(), inLine, drifts.size(),
                    repaired.size(), notOnboarded.size());
        } catch (KeycloakProviders.Unavailable e) {
            report = new ReconcileReport(clock.instant(), false, e.getMessage(), onboarded.size(), inLine, drifts,
                    repaired, notOnboarded);
            keep(report);
            throw e;
        }
        keep(report);
        return report;
    }

    /** The last reconciliation's report, if one ran. */
    public java.util.Optional<ReconcileReport> lastReport() {
        return signIns.lastReport().map(report -> json.readValue(report, ReconcileReport.class));
    }

    private void keep(ReconcileReport report) {
        transaction.executeWithoutResult(status -> signIns.keepReport(report.ranAt(), json.writeValueAsString(report)));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        follower.stop();
    }
}

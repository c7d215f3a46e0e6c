package org.exchange.membership.onboarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exchange.contracts.membership.PartnerSignInOnboarded;
import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.Organisation;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.organisation.OrganisationType;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A programme admin onboards a partner organisation's own sign-in (issue 18, ADR 0021). The discovery document is
 * fetched and checked first, outside any transaction; then one transaction records the sign-in (and the organisation,
 * when it is new), the {@link PartnerSignInOnboarded} event and the audit entry. Keycloak is configured only after
 * that commits, by {@link PartnerSignInSync}.
 */
@Service
public class OnboardingService {

    private final PartnerSignIns signIns;
    private final OrganisationService organisations;
    private final DiscoveryDocuments discovery;
    private final PartnerSignInSync sync;
    private final PractitionerService practitioners;
    private final IntegrationEvents events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OnboardingService(PartnerSignIns signIns, OrganisationService organisations, DiscoveryDocuments discovery,
            PartnerSignInSync sync, PractitionerService practitioners, IntegrationEvents events, AuditTrail audit, TransactionTemplate transaction,
            Clock clock) {
        this.signIns = signIns;
        this.organisations = organisations;
        this.discovery = discovery;
        this.sync = sync;
        this.practitioners = practitioners;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What a programme admin gives to onboard a partner's sign-in.
     *
     * @param newOrganisation the organisation to register with it, or null when {@code organisationId} exists already
     */
    public record Onboarding(String organisationId, NewOrganisation newOrganisation, String alias,
            String discoveryUrl, String clientId, String clientSecret) {

        @Override
        public String toString() { // never the secret, wherever a record is printed
            return "Onboarding[organisationId=" + organisationId + ", alias=" + alias + ", discoveryUrl="
                    + discoveryUrl + ", clientId=" + clientId + "]";
        }
    }

    /** The details of an organisation registered along with its sign-in. */
    public record NewOrganisation(String name, OrganisationType type, String region) {
    }

    /**
     * Onboards the sign-in: checks, records it and asks for it to be applied to Keycloak after commit.
     *
     * @throws DiscoveryDocuments.Unusable when the discovery document cannot be fetched or used (422)
     */
    public PartnerSignIn onboard(Caller caller, Onboarding onboarding) {
        Access.requireProgrammeAdmin(caller);
        check(onboarding);
        Discovery endpoints = discovery.fetch(onboarding.discoveryUrl());
        return transaction.execute(status -> {
            check(onboarding); // again in the transaction; the unique keys guard what happens between the two
            String organisationId = onboarding.organisationId();
            if (onboarding.newOrganisation() != null) {
                NewOrganisation details = onboarding.newOrganisation();
                organisations.register(caller, new Organisation(organisationId, details.name(), details.type(),
                        details.region(), onboarding.alias(), List.of(), null, 0, 0));
            } else {
                organisations.signsInThrough(organisationId, onboarding.alias());
            }
            PartnerSignIn signIn = new PartnerSignIn(onboarding.alias(), organisationId, PartnerSignIn.OIDC,
                    onboarding.discoveryUrl(), onboarding.clientId(), endpoints, PartnerSignIn.USERNAME_TEMPLATE,
                    clock.instant(), null);
            signIns.add(signIn, onboarding.clientSecret());
            events.publish(organisationId, new PartnerSignInOnboarded(organisationId, signIn.alias(),
                    signIn.protocol(), signIn.discoveryUrl(), endpoints.issuer(), signIn.clientId(),
                    signIn.usernameTemplate(), signIn.onboardedAt()));
            PartnerSignIn stored = signIns.find(signIn.alias()).orElseThrow();
            audit.record(caller, "partner-sign-in.onboarded", Subject.of("organisation", organisationId),
                    organisationId, null, stored);
            sync.applyAfterCommit(signIn.alias());
            return stored;
        });
    }

    /**
     * Every onboarded partner with its provider's state, for programme admins. The discovery documents are fetched
     * now, all at once, so that the view takes as long as the slowest provider (at most the fetch's deadline).
     */
    public List<PartnerHealth> health(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        List<PartnerSignIn> all = signIns.all();
        List<Boolean> reachable;
        try (var fetches = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> checks = all.stream()
                    .map(signIn -> fetches.submit(() -> discovery.usable(signIn.discoveryUrl()))).toList();
            reachable = checks.stream().map(OnboardingService::outcome).toList();
        }
        List<PartnerHealth> health = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PartnerSignIn signIn = all.get(i);
            PartnerSignIn.KeycloakState keycloak = signIn.keycloak();
            health.add(new PartnerHealth(signIn.organisationId(),
                    organisations.nameOf(signIn.organisationId()).orElse(signIn.organisationId()), signIn.alias(),
                    signIn.protocol(), signIn.discoveryUrl(), signIn.endpoints().issuer(), reachable.get(i),
                    !keycloak.pending() && keycloak.appliedAt() != null, keycloak.appliedAt(), keycloak.lastError(),
                    keycloak.lastReconciledAt(), keycloak.lastReconcileResult(),
                    practitioners.ofOrganisation(signIn.organisationId()).size()));
        }
        return health;
    }

    /** A programme admin runs the reconciliation with Keycloak now. */
    public ReconcileReport reconcile(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        return sync.reconcile();
    }

    /** The last reconciliation's report, for programme admins. */
    public ReconcileReport lastReconciliation(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        return sync.lastReport().orElseThrow(() -> new NotFoundException("No reconciliation has run yet"));
    }

    private static boolean outcome(Future<Boolean> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void check(Onboarding onboarding) {
        String organisationId = onboarding.organisationId();
        boolean exists = organisations.exists(organisationId);
        if (onboarding.newOrganisation() == null && !exists) {
            throw new InvalidRequestException("organisationId", "No organisation " + organisationId
                    + " exists; give newOrganisation to register it with its sign-in");
        }
        if (onboarding.newOrganisation() != null && exists) {
            throw new ConflictException("An organisation with id " + organisationId + " exists already; leave out"
                    + " newOrganisation to onboard its sign-in");
        }
        if (signIns.ofOrganisation(organisationId).isPresent()) {
            throw new ConflictException("The sign-in of " + organisationId + " is onboarded already");
        }
        if (signIns.aliasTaken(onboarding.alias())
                || organisations.aliasUsedByAnother(organisationId, onboarding.alias())) {
            throw new ConflictException("The identity provider alias " + onboarding.alias()
                    + " is in use by another organisation");
        }
    }
}

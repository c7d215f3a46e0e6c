package org.exchange.membership.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exchange.contracts.membership.PartnerSignInOnboarded;
import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.EmailDomainService;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A programme admin onboards a partner organisation's own sign-in (issue 18, ADR 0021), by OpenID Connect or SAML 2.0.
 * The discovery document or the SAML metadata is fetched (or read) and checked first, outside any transaction; then one transaction records the sign-in (and the organisation,
 * when it is new), the {@link PartnerSignInOnboarded} event and the audit entry. Keycloak is configured only after
 * that commits, by {@link PartnerSignInSync}.
 */
@Service
public class OnboardingService {

    private final PartnerSignIns signIns;
    private final OrganisationService organisations;
    private final DiscoveryDocuments discovery;
    private final SamlMetadataDocuments samlMetadata;
    private final PartnerSignInSync sync;
    private final PractitionerService practitioners;
    private final IntegrationEvents events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final EmailDomainService emailDomains;
    private final PartnerSecrets secrets;
    private final SuccessfulSignIns successfulSignIns;
    private final Duration certificateWarning;

    OnboardingService(PartnerSignIns signIns, OrganisationService organisations, DiscoveryDocuments discovery,
            SamlMetadataDocuments samlMetadata, PartnerSignInSync sync, PractitionerService practitioners,
            IntegrationEvents events, AuditTrail audit, TransactionTemplate transaction, Clock clock,
            EmailDomainService emailDomains, PartnerSecrets secrets, SuccessfulSignIns successfulSignIns,
            @Value("${exchange.identity.partner-sign-in.certificate-warning:P30D}") Duration certificateWarning) {
        this.signIns = signIns;
        this.emailDomains = emailDomains;
        this.secrets = secrets;
        this.successfulSignIns = successfulSignIns;
        this.organisations = organisations;
        this.discovery = discovery;
        this.samlMetadata = samlMetadata;
        this.certificateWarning = certificateWarning;
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
     * @param emailDomains its staff's e-mail domains, replacing those it has; none leaves them as they are
     */
    public record Onboarding(String organisationId, NewOrganisation newOrganisation, String alias,
            String discoveryUrl, String clientId, String clientSecret, List<String> emailDomains) {

        @Override
        public String toString() { // never the secret, wherever a record is printed
            return "Onboarding[organisationId=" + organisationId + ", alias=" + alias + ", discoveryUrl="
                    + discoveryUrl + ", clientId=" + clientId + ", emailDomains=" + emailDomains + "]";
        }
    }

    /**
     * What a programme admin gives to onboard a partner's SAML 2.0 sign-in: its metadata's address or the metadata
     * itself, exactly one of them.
     *
     * @param newOrganisation the organisation to register with it, or null when {@code organisationId} exists already
     * @param emailDomains its staff's e-mail domains, replacing those it has; none leaves them as they are
     */
    public record SamlOnboarding(String organisationId, NewOrganisation newOrganisation, String alias,
            String metadataUrl, String metadataXml, List<String> emailDomains) {
    }

    /** The details of an organisation registered along with its sign-in. */
    public record NewOrganisation(String name, OrganisationType type, String region) {
    }

    /**
     * Onboards the sign-in: checks, records it and asks for it to be applied to Keycloak after commit.
     *
     * @throws Unusable when the discovery document cannot be fetched or used (422)
     */
    public PartnerSignIn onboard(Caller caller, Onboarding onboarding) {
        Access.requireProgrammeAdmin(caller);
        check(onboarding.organisationId(), onboarding.newOrganisation(), onboarding.alias());
        List<String> domains = emailDomains.available(onboarding.organisationId(), onboarding.emailDomains(),
                "emailDomains");
        Discovery endpoints = discovery.fetch(onboarding.discoveryUrl());
        PartnerSignIn signIn = new PartnerSignIn(onboarding.alias(), onboarding.organisationId(), PartnerSignIn.OIDC,
                onboarding.discoveryUrl(), onboarding.clientId(), endpoints, PartnerSignIn.USERNAME_TEMPLATE,
                clock.instant(), null, null, null, null, null);
        return record(caller, signIn, onboarding.newOrganisation(), domains, () -> signIns.add(signIn,
                secrets.encrypt(signIn.alias(), onboarding.clientSecret())));
    }

    /**
     * Onboards a SAML 2.0 sign-in: checks, reads and checks the metadata, records it and asks for it to be applied to
     * Keycloak after commit.
     *
     * @throws Unusable when the metadata cannot be fetched, is not well-formed, or does not describe a provider
     *         Keycloak can broker with a current signing certificate (422)
     */
    public PartnerSignIn onboardSaml(Caller caller, SamlOnboarding onboarding) {
        Access.requireProgrammeAdmin(caller);
        boolean byAddress = onboarding.metadataUrl() != null && !onboarding.metadataUrl().isBlank();
        boolean pasted = onboarding.metadataXml() != null && !onboarding.metadataXml().isBlank();
        if (byAddress == pasted) {
            throw new InvalidRequestException(byAddress ? "metadataXml" : "metadataUrl", "Give the SAML metadata"
                    + " either by its address (metadataUrl) or as XML (metadataXml), one of the two");
        }
        check(onboarding.organisationId(), onboarding.newOrganisation(), onboarding.alias());
        List<String> domains = emailDomains.available(onboarding.organisationId(), onboarding.emailDomains(),
                "emailDomains");
        SamlMetadata metadata = byAddress ? samlMetadata.fetch(onboarding.metadataUrl())
                : samlMetadata.read(onboarding.metadataXml());
        PartnerSignIn signIn = new PartnerSignIn(onboarding.alias(), onboarding.organisationId(), PartnerSignIn.SAML,
                null, null, null, PartnerSignIn.SAML_USERNAME_TEMPLATE, clock.instant(), null,
                byAddress ? onboarding.metadataUrl() : null, metadata, null, null);
        return record(caller, signIn, onboarding.newOrganisation(), domains, () -> signIns.addSaml(signIn));
    }

    /**
     * One transaction: the organisation when it is new (or its sign-in's alias when it exists), its e-mail domains
     * when given, the sign-in (not yet live: it is tried first), its event and audit entry; Keycloak is told after it
     * commits.
     */
    private PartnerSignIn record(Caller caller, PartnerSignIn signIn, NewOrganisation newOrganisation,
            List<String> domains, Runnable store) {
        return transaction.execute(status -> {
            // again in the transaction; the unique keys guard what happens between the two
            check(signIn.organisationId(), newOrganisation, signIn.alias());
            String organisationId = signIn.organisationId();
            if (newOrganisation != null) {
                organisations.register(caller, new Organisation(organisationId, newOrganisation.name(),
                        newOrganisation.type(), newOrganisation.region(), signIn.alias(), List.of(), null, 0, 0));
            } else {
                organisations.signsInThrough(organisationId, signIn.alias());
            }
            if (!domains.isEmpty()) { // checked again here: a domain taken meanwhile is a 409 and stores nothing
                emailDomains.replace(caller, organisationId, domains);
            }
            store.run();
            events.publish(organisationId, new PartnerSignInOnboarded(organisationId, signIn.alias(),
                    signIn.protocol(), signIn.usesSaml() ? signIn.metadataUrl() : signIn.discoveryUrl(),
                    signIn.usesSaml() ? signIn.saml().entityId() : signIn.endpoints().issuer(), signIn.clientId(),
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
        successfulSignIns.read(); // the sign-ins of the last moments too; when Keycloak cannot be asked, those known
        List<PartnerSignIn> all = signIns.all();
        List<Boolean> reachable;
        try (var fetches = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> checks = all.stream().map(signIn -> fetches.submit(() -> reachable(signIn)))
                    .toList();
            reachable = checks.stream().map(OnboardingService::outcome).toList();
        }
        Instant warnFrom = clock.instant().plus(certificateWarning);
        List<PartnerHealth> health = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            PartnerSignIn signIn = all.get(i);
            PartnerSignIn.KeycloakState keycloak = signIn.keycloak();
            SamlMetadata saml = signIn.saml();
            Instant expiresAt = saml == null ? null : saml.signingCertificateExpiresAt();
            health.add(new PartnerHealth(signIn.organisationId(),
                    organisations.nameOf(signIn.organisationId()).orElse(signIn.organisationId()), signIn.alias(),
                    signIn.protocol(), signIn.discoveryUrl(), saml == null ? signIn.endpoints().issuer()
                            : saml.entityId(), saml == null ? reachable.get(i) : null,
                    !keycloak.pending() && keycloak.appliedAt() != null, keycloak.appliedAt(), keycloak.lastError(),
                    keycloak.lastReconciledAt(), keycloak.lastReconcileResult(),
                    practitioners.ofOrganisation(signIn.organisationId()).size(), signIn.metadataUrl(),
                    saml == null || signIn.metadataUrl() == null ? null : reachable.get(i), expiresAt,
                    expiresAt != null && expiresAt.isBefore(warnFrom), signIn.live(), signIn.liveAt(),
                    signIn.lastSignInAt()));
        }
        return health;
    }

    /** Whether the provider's discovery document or SAML metadata can be fetched and used now; null when pasted. */
    private Boolean reachable(PartnerSignIn signIn) {
        if (!signIn.usesSaml()) {
            return discovery.usable(signIn.discoveryUrl());
        }
        return signIn.metadataUrl() == null ? null : samlMetadata.usable(signIn.metadataUrl());
    }

    /**
     * A programme admin puts a partner's sign-in live, once someone has signed in through it successfully (the "try
     * sign-in" step, ADR 0022): Keycloak shows it on the login page and "sign in with your organisation" answers it for
     * the organisation's e-mail domains.
     *
     * @throws NotFoundException for an alias not onboarded (404)
     * @throws ConflictException when it is live already, or no one has signed in through it yet (409)
     */
    public PartnerSignIn goLive(Caller caller, String alias) {
        Access.requireProgrammeAdmin(caller);
        PartnerSignIn tried = signIns.find(alias)
                .orElseThrow(() -> new NotFoundException("No partner sign-in " + alias + " is onboarded"));
        if (!tried.live() && tried.lastSignInAt() == null) {
            successfulSignIns.read(); // a sign-in of a moment ago
        }
        return transaction.execute(status -> {
            PartnerSignIn before = signIns.find(alias).orElseThrow();
            if (before.live()) {
                throw new ConflictException("The sign-in " + alias + " is live already");
            }
            if (before.lastSignInAt() == null) {
                throw new ConflictException("No one has signed in through " + alias + " yet: try the sign-in first"
                        + " (it goes live only once a sign-in through it has succeeded)");
            }
            signIns.goLive(alias, caller.subjectId(), clock.instant());
            signIns.requestApply(alias);
            PartnerSignIn live = signIns.find(alias).orElseThrow();
            audit.record(caller, "partner-sign-in.live", Subject.of("organisation", live.organisationId()),
                    live.organisationId(), before, live);
            sync.applyAfterCommit(alias);
            return live;
        });
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

    private static Boolean outcome(Future<Boolean> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    private void check(String organisationId, NewOrganisation newOrganisation, String alias) {
        boolean exists = organisations.exists(organisationId);
        if (newOrganisation == null && !exists) {
            throw new InvalidRequestException("organisationId", "No organisation " + organisationId
                    + " exists; give newOrganisation to register it with its sign-in");
        }
        if (newOrganisation != null && exists) {
            throw new ConflictException("An organisation with id " + organisationId + " exists already; leave out"
                    + " newOrganisation to onboard its sign-in");
        }
        if (signIns.ofOrganisation(organisationId).isPresent()) {
            throw new ConflictException("The sign-in of " + organisationId + " is onboarded already");
        }
        if (signIns.aliasTaken(alias) || organisations.aliasUsedByAnother(organisationId, alias)) {
            throw new ConflictException("The identity provider alias " + alias
                    + " is in use by another organisation");
        }
    }
}

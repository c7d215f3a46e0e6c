package org.exchange.membership.onboarding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import org.exchange.membership.appointment.AppointmentService;
import org.exchange.membership.onboarding.KeycloakProviders.StaffLink;
import org.exchange.membership.onboarding.PartnerStaffAccounts.StaffAccount;
import org.exchange.membership.onboarding.PartnerStaffAccounts.Unlooked;
import org.exchange.membership.practitioner.PractitionerService.ArrivedInOrganisation;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each partner staff member the same person across a Keycloak that lost its data (ADR 0023). Once a person of
 * an onboarded partner is known here (their arrival in the organisation has committed), and for everyone known before
 * (a backfill on a schedule), their link to the partner's identity provider is read from Keycloak and kept: the
 * provider's alias, their id and username there, and their username in the platform realm. When the partner's sign-in
 * is applied to Keycloak again ({@link PartnerSignInSync}), their accounts are given back with their old ids, so that
 * the broker finds the linked account at the next sign-in instead of making a new person. Off the user's request
 * path: on a thread of its own; a Keycloak that cannot be asked is asked at the next run.
 */
@Component
public class PartnerStaffLinks {

    private static final Logger log = LoggerFactory.getLogger(PartnerStaffLinks.class);
    private static final int BATCH = 100;
    /** The realm role every partner's staff member holds (the "practitioner role" mapper gives it at each sign-in). */
    private static final String PRACTITIONER = "practitioner";

    private final PartnerStaffAccounts accounts;
    private final KeycloakProviders keycloak;
    private final AppointmentService appointments;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final KeycloakReader reader = new KeycloakReader("keycloak-partner-staff-links");

    PartnerStaffLinks(PartnerStaffAccounts accounts, KeycloakProviders keycloak, AppointmentService appointments,
            TransactionTemplate transaction, Clock clock) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.appointments = appointments;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A person arrived in an organisation: if it is an onboarded partner's, their link is read once this commits. */
    @TransactionalEventListener
    void arrived(ArrivedInOrganisation arrival) {
        reader.execute(() -> accounts.aliasOf(arrival.practitionerId())
                .ifPresent(alias -> lookUp(arrival.practitionerId(), alias)));
    }

    /** The people of onboarded partners never looked up: those known before this existed, and any arrival missed. */
    @Scheduled(fixedDelayString = "${exchange.identity.partner-sign-in.staff-links-interval:PT30S}",
            initialDelayString = "${exchange.identity.partner-sign-in.staff-links-interval:PT30S}")
    void backfillOnSchedule() {
        reader.runScheduled(this::backfill);
    }

    /**
     * Looks up the people of onboarded partners not looked up yet, at most a batch.
     *
     * @return how many were looked up
     */
    int backfill() {
        int done = 0;
        for (Unlooked person : accounts.notLookedUp(BATCH)) {
            if (!lookUp(person.practitionerId(), person.alias())) {
                break; // Keycloak cannot be asked: the next run goes on
            }
            done++;
        }
        return done;
    }

    /**
     * Reads the person's link to the provider under the alias from Keycloak and keeps it.
     *
     * @return whether Keycloak could be asked
     */
    boolean lookUp(UUID person, String alias) {
        try {
            StaffLink link = keycloak.linkOf(person, alias);
            transaction.executeWithoutResult(status -> accounts.record(person, link, clock.instant()));
            if (link != null) {
                log.info("Partner staff: kept the link of {} to identity provider {}", person, alias);
            }
            return true;
        } catch (KeycloakProviders.Unavailable e) {
            log.warn("Partner staff: the link of {} to {} could not be read ({}); trying again at the next run",
                    person, alias, e.getMessage());
            return false;
        } catch (RuntimeException unexpected) {
            log.error("Partner staff: the link of {} to {} could not be kept; trying again at the next run", person,
                    alias, unexpected);
            return false;
        }
    }

    /**
     * The accounts of the people who signed in through the provider under the alias, as the platform realm held them:
     * the same id, username, e-mail address and names, the organisation attribute the provider's mapper sets, the
     * link to the provider, and the realm roles of their partnership and their appointments.
     */
    List<UserRepresentation> accountsToRestore(String alias) {
        List<UserRepresentation> restored = new ArrayList<>();
        for (StaffAccount staff : accounts.linkedThrough(alias)) {
            UserRepresentation account = new UserRepresentation();
            account.setId(staff.practitionerId().toString());
            account.setUsername(staff.username());
            account.setEmail(staff.email());
            account.setEmailVerified(staff.email() != null);
            account.setFirstName(staff.givenName());
            account.setLastName(staff.familyName());
            account.setEnabled(true);
            if (staff.organisationId() != null) {
                account.setAttributes(Map.of(ProviderInKeycloak.ORGANISATION_ATTRIBUTE,
                        List.of(staff.organisationId())));
            }
            FederatedIdentityRepresentation link = new FederatedIdentityRepresentation();
            link.setIdentityProvider(staff.alias());
            link.setUserId(staff.providerUserId());
            link.setUserName(staff.providerUsername());
            account.setFederatedIdentities(List.of(link));
            List<String> roles = new ArrayList<>(List.of(PRACTITIONER));
            roles.addAll(appointments.realmRolesOf(staff.practitionerId()));
            account.setRealmRoles(roles);
            restored.add(account);
        }
        return restored;
    }

    /** Within the person's erasure: what is kept of their account here goes with it. */
    public void forget(UUID practitionerId) {
        accounts.forget(practitionerId);
    }

    @PreDestroy
    void stop() {
        reader.stop();
    }
}

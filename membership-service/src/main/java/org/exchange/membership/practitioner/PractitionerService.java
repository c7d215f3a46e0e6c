package org.exchange.membership.practitioner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.membership.access.Access;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.practitioner.Practitioner.ProfileDetails;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of a practitioner's profile. */
@Service
public class PractitionerService {

    private final Practitioners practitioners;
    private final OrganisationService organisations;
    private final IntegrationEvents events;
    private final ApplicationEventPublisher arrivals;
    private final Clock clock;

    PractitionerService(Practitioners practitioners, OrganisationService organisations, IntegrationEvents events,
            ApplicationEventPublisher arrivals, Clock clock) {
        this.practitioners = practitioners;
        this.organisations = organisations;
        this.events = events;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    /**
     * A person appears in an organisation: registered with it, vouched for by its identity provider, or confirmed by
     * its org-admin. Published in the transaction that records it, to listeners in this service (an org-admin named
     * by e-mail before their first sign-in takes effect).
     */
    public record ArrivedInOrganisation(UUID practitionerId, String email, String organisationId) {
    }

    /**
     * The caller's profile, created from their token the first time they come, which registers them on the
     * platform: {@link PractitionerRegistered} is published in the same transaction.
     */
    @Transactional
    public Practitioner me(Caller caller) {
        Practitioner practitioner = practitioners.find(caller.subjectId()).orElseGet(() -> register(caller));
        String vouched = caller.organisationId();
        if (vouched != null && !vouched.equals(practitioner.organisationId()) && !practitioner.isErased()
                && organisations.exists(vouched)) {
            // The identity provider vouches for the organisation: it wins over what was recorded before.
            return arrived(updated(practitioner.inOrganisation(vouched, clock.instant())));
        }
        return practitioner;
    }

    /** A practitioner membership-service knows, by subject id. */
    @Transactional(readOnly = true)
    public Optional<Practitioner> find(UUID id) {
        return practitioners.find(id);
    }

    /** The people, not erased, with the e-mail address, whatever its case. */
    @Transactional(readOnly = true)
    public List<Practitioner> withEmail(String email) {
        return practitioners.withEmail(email);
    }

    /** The subject ids of the people whose personal data was erased at their request. */
    @Transactional(readOnly = true)
    public List<UUID> erased() {
        return practitioners.erased();
    }

    /** The practitioners of a partner organisation, erased ones left out. */
    @Transactional(readOnly = true)
    public List<Practitioner> ofOrganisation(String organisationId) {
        return practitioners.ofOrganisation(organisationId);
    }

    /**
     * The caller completes or changes their profile; {@link PractitionerProfileUpdated} tells the other contexts.
     * Their organisation is not theirs to state: it comes from the identity provider's token, or from an org-admin
     * confirming the organisation they asked to join.
     */
    @Transactional
    public Practitioner completeProfile(Caller caller, ProfileDetails details) {
        Practitioner current = me(caller);
        if (current.isErased()) {
            throw new ConflictException("This profile was erased at your request; it can no longer be changed");
        }
        String requested = details.requestedOrganisationId();
        if (requested != null && !requested.equals(current.organisationId())) {
            if (current.organisationId() != null) {
                throw new InvalidRequestException("You belong to " + current.organisationId()
                        + " as your sign-in or its org-admin says; ask your organisation to change it");
            }
            if (!organisations.exists(requested)) {
                throw new InvalidRequestException("There is no partner organisation " + requested);
            }
        }
        return updated(current.complete(details, clock.instant()));
    }

    /** The people asking to join an organisation, for its org-admins and programme admins. */
    @Transactional(readOnly = true)
    public List<Practitioner> askingToJoin(Caller caller, String organisationId) {
        Access.requireManages(caller, organisationId);
        return practitioners.askingToJoin(organisationId);
    }

    /** An org-admin confirms that a person who asked to join their organisation is its staff. */
    @Transactional
    public Practitioner confirmStaff(Caller caller, String organisationId, UUID practitionerId) {
        Practitioner asking = requestToJoin(caller, organisationId, practitionerId);
        return arrived(updated(asking.inOrganisation(organisationId, clock.instant())));
    }

    /** An org-admin declines a person's request to join their organisation. */
    @Transactional
    public void declineStaff(Caller caller, String organisationId, UUID practitionerId) {
        practitioners.save(requestToJoin(caller, organisationId, practitionerId).requestDeclined());
    }

    private Practitioner requestToJoin(Caller caller, String organisationId, UUID practitionerId) {
        Access.requireManages(caller, organisationId);
        return practitioners.find(practitionerId)
                .filter(person -> organisationId.equals(person.requestedOrganisationId()) && !person.isErased())
                .orElseThrow(() -> new NotFoundException(practitionerId + " has not asked to join " + organisationId));
    }

    private Practitioner updated(Practitioner practitioner) {
        practitioners.save(practitioner);
        events.publish(practitioner.id(), new PractitionerProfileUpdated(practitioner.id(), practitioner.email(),
                practitioner.givenName(), practitioner.familyName(), practitioner.jobRole(),
                practitioner.organisationId(), practitioner.region(), practitioner.specialisms(),
                practitioner.newsletterConsent(), practitioner.nameOnOutcomesConsent(),
                practitioner.profileUpdatedAt()));
        return practitioner;
    }

    /**
     * Removes the caller's personal data from their profile and asks every other context to do the same through
     * {@link PractitionerErasureRequested}. Asking twice erases once.
     */
    @Transactional
    public Practitioner erase(Caller caller) {
        Practitioner current = me(caller);
        if (current.isErased()) {
            return current;
        }
        Practitioner erased = current.erased(clock.instant());
        practitioners.save(erased);
        events.publish(erased.id(), new PractitionerErasureRequested(erased.id(), erased.erasedAt()));
        return erased;
    }

    /**
     * Publishes {@link PractitionerRegistered} for every practitioner whose registration has not been announced: the
     * demo programme's people, seeded by a migration before anyone signs in. Idempotent: once announced, never again.
     *
     * @return how many were announced
     */
    @Transactional
    public int announcePending() {
        List<Practitioner> pending = practitioners.unannouncedForUpdate();
        for (Practitioner practitioner : pending) {
            announce(practitioner);
            practitioners.markAnnounced(practitioner.id());
        }
        return pending.size();
    }

    private Practitioner register(Caller caller) {
        Practitioner practitioner = Practitioner.firstSignIn(caller, clock.instant());
        if (practitioners.addIfAbsent(practitioner)) {
            announce(practitioner);
            return practitioner.organisationId() != null && organisations.exists(practitioner.organisationId())
                    ? arrived(practitioner) : practitioner;
        }
        // A concurrent first request registered them a moment ago.
        return practitioners.find(caller.subjectId()).orElseThrow();
    }

    private Practitioner arrived(Practitioner practitioner) {
        arrivals.publishEvent(new ArrivedInOrganisation(practitioner.id(), practitioner.email(),
                practitioner.organisationId()));
        return practitioner;
    }

    private void announce(Practitioner practitioner) {
        events.publish(practitioner.id(), new PractitionerRegistered(practitioner.id(), practitioner.email(),
                practitioner.givenName(), practitioner.familyName(), practitioner.organisationId(),
                practitioner.registeredAt()));
    }
}

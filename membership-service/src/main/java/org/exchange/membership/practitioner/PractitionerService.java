package org.exchange.membership.practitioner;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.practitioner.Practitioner.ProfileDetails;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of a practitioner's profile. */
@Service
public class PractitionerService {

    private final Practitioners practitioners;
    private final OrganisationService organisations;
    private final IntegrationEvents events;
    private final Clock clock;

    PractitionerService(Practitioners practitioners, OrganisationService organisations, IntegrationEvents events,
            Clock clock) {
        this.practitioners = practitioners;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller's profile, created from their token the first time they come, which registers them on the
     * platform: {@link PractitionerRegistered} is published in the same transaction.
     */
    @Transactional
    public Practitioner me(Caller caller) {
        return practitioners.find(caller.subjectId()).orElseGet(() -> register(caller));
    }

    /** A practitioner membership-service knows, by subject id. */
    @Transactional(readOnly = true)
    public Optional<Practitioner> find(UUID id) {
        return practitioners.find(id);
    }

    /** The practitioners of a partner organisation, erased ones left out. */
    @Transactional(readOnly = true)
    public List<Practitioner> ofOrganisation(String organisationId) {
        return practitioners.ofOrganisation(organisationId);
    }

    /** The caller completes or changes their profile; {@link PractitionerProfileUpdated} tells the other contexts. */
    @Transactional
    public Practitioner completeProfile(Caller caller, ProfileDetails details) {
        Practitioner current = me(caller);
        if (current.isErased()) {
            throw new ConflictException("This profile was erased at your request; it can no longer be changed");
        }
        if (details.organisationId() != null && !organisations.exists(details.organisationId())) {
            throw new InvalidRequestException("There is no partner organisation " + details.organisationId());
        }
        Practitioner completed = current.complete(details, clock.instant());
        practitioners.save(completed);
        events.publish(completed.id(), new PractitionerProfileUpdated(completed.id(), completed.email(),
                completed.givenName(), completed.familyName(), completed.jobRole(), completed.organisationId(),
                completed.region(), completed.specialisms(), completed.newsletterConsent(),
                completed.nameOnOutcomesConsent(), completed.profileUpdatedAt()));
        return completed;
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

    private Practitioner register(Caller caller) {
        Practitioner practitioner = Practitioner.firstSignIn(caller, clock.instant());
        if (practitioners.addIfAbsent(practitioner)) {
            events.publish(practitioner.id(), new PractitionerRegistered(practitioner.id(), practitioner.email(),
                    practitioner.givenName(), practitioner.familyName(), practitioner.organisationId(),
                    practitioner.registeredAt()));
            return practitioner;
        }
        // A concurrent first request registered them a moment ago.
        return practitioners.find(caller.subjectId()).orElseThrow();
    }
}

package org.exchange.membership.practitioner;

import java.time.Clock;

import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of a practitioner's profile. */
@Service
public class PractitionerService {

    private final Practitioners practitioners;
    private final IntegrationEvents events;
    private final Clock clock;

    PractitionerService(Practitioners practitioners, IntegrationEvents events, Clock clock) {
        this.practitioners = practitioners;
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

package org.exchange.exchange.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.membership.AppointmentWithdrawn;
import org.exchange.contracts.membership.MembershipStatusChanged;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.PractitionerAppointed;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.contracts.membership.VenueOffered;
import org.exchange.exchange.directory.Appointments;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.LearningExchangeMembers;
import org.exchange.exchange.directory.Person;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.group.GroupService;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Membership's events: who people are (and whether they may be named on outcomes), their organisations, the venues
 * offered, appointments and their withdrawal, who is a member of the Learning Exchange, and requests to be forgotten.
 */
@Component
class MembershipEvents {

    private final Inbox inbox;
    private final Directory directory;
    private final Appointments appointments;
    private final LearningExchangeMembers learningExchange;
    private final GroupService groups;
    private final Erasure erasure;
    private final Clock clock;

    MembershipEvents(Inbox inbox, Directory directory, Appointments appointments,
            LearningExchangeMembers learningExchange, GroupService groups, Erasure erasure, Clock clock) {
        this.learningExchange = learningExchange;
        this.inbox = inbox;
        this.directory = directory;
        this.appointments = appointments;
        this.erasure = erasure;
        this.groups = groups;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(PractitionerRegistered.class, this::registered),
                on(PractitionerProfileUpdated.class, this::profileUpdated),
                on(OrganisationRegistered.class, this::organisation),
                on(VenueOffered.class, this::venue),
                on(PractitionerErasureRequested.class, this::erase),
                on(PractitionerAppointed.class, this::appointed),
                on(AppointmentWithdrawn.class, this::withdrawn),
                on(MembershipStatusChanged.class, this::membershipChanged));
    }

    private void membershipChanged(MembershipStatusChanged changed) {
        learningExchange.record(changed.practitionerId(), changed.membershipId(), changed.fromStatus(),
                changed.toStatus(), changed.changedAt());
    }

    private void appointed(PractitionerAppointed appointed) {
        appointments.record(appointed.practitionerId(), appointed.role(), appointed.appointmentId(),
                Appointments.Status.APPOINTED, appointed.appointedAt());
    }

    private void withdrawn(AppointmentWithdrawn withdrawn) {
        boolean latest = appointments.record(withdrawn.practitionerId(), withdrawn.role(), withdrawn.appointmentId(),
                Appointments.Status.WITHDRAWN, withdrawn.withdrawnAt());
        if (latest && Appointments.FACILITATOR.equals(withdrawn.role())) {
            groups.facilitatorAppointmentWithdrawn(withdrawn.practitionerId());
        }
    }

    private void registered(PractitionerRegistered registered) {
        directory.savePerson(new Person(registered.practitionerId(), registered.givenName(), registered.familyName(),
                registered.organisationId(), false), clock.instant());
    }

    private void profileUpdated(PractitionerProfileUpdated profile) {
        directory.saveProfile(new Person(profile.practitionerId(), profile.givenName(), profile.familyName(),
                profile.organisationId(), false), profile.nameOnOutcomesConsent(), clock.instant());
    }

    private void organisation(OrganisationRegistered organisation) {
        directory.saveOrganisation(organisation.organisationId(), organisation.name(), organisation.type(),
                organisation.region(), clock.instant());
    }

    private void venue(VenueOffered offered) {
        directory.saveVenue(new Venue(offered.venueId(), offered.organisationId(), offered.name(), offered.address(),
                offered.postcode(), offered.latitude(), offered.longitude(), offered.capacity(),
                offered.accessibility(), offered.withdrawn()), clock.instant());
    }

    private void erase(PractitionerErasureRequested request) {
        erasure.erase(request.practitionerId());
    }
}

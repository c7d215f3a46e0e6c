package org.exchange.exchange.meeting;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.exchange.RegistrationCancelled;
import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.RegistrationWaitlisted;
import org.exchange.contracts.exchange.WaitlistPromoted;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.events.IntegrationEvents;
import org.springframework.stereotype.Component;

/**
 * Takes a person onto a meeting's list, or off it, and publishes what changed: one place of registration, whether the
 * person registers for one meeting or for all of a group's ({@link SeriesRegistrationService}). The caller holds the
 * meeting's row lock, so that registrations for one meeting are counted one after the other.
 */
@Component
class Registrar {

    private final Meetings meetings;
    private final IntegrationEvents events;

    Registrar(Meetings meetings, IntegrationEvents events) {
        this.meetings = meetings;
        this.events = events;
    }

    /**
     * Registrations a person's registration for all of a group's meetings made at once, told to them together.
     *
     * @param id the same on each of them
     * @param size how many there are
     */
    record Together(UUID id, int size) {
    }

    /**
     * Registers the person: a place while one is free, otherwise the end of the waitlist.
     *
     * @param bySeries whether their registration for all of the group's meetings makes it (ending that cancels it)
     */
    Waitlist.Entry register(Meeting meeting, UUID personId, boolean bySeries, Instant now) {
        return register(meeting, personId, bySeries, null, now);
    }

    /**
     * Registers the person for one of the meetings their registration for all of a group's meetings registers them
     * for at once: the events carry what they were registered for together, so that they are told of it in one notice.
     */
    Waitlist.Entry register(Meeting meeting, UUID personId, Together together, Instant now) {
        return register(meeting, personId, true, together, now);
    }

    private Waitlist.Entry register(Meeting meeting, UUID personId, boolean bySeries, Together together,
            Instant now) {
        Waitlist registrations = meetings.registrations(meeting);
        Waitlist.Entry entry = registrations.join(personId, now);
        meetings.register(meeting.id(), entry, bySeries);
        UUID seriesId = together == null ? null : together.id();
        Integer seriesSize = together == null ? null : together.size();
        if (entry.place() == Waitlist.Place.CONFIRMED) {
            events.publish(meeting.id(), new RegistrationConfirmed(meeting.id(), entry.personId(), meeting.title(),
                    meeting.kind().name(), meeting.startsAt(), meeting.endsAt(), meeting.timeZone().getId(), now,
                    seriesId, seriesSize));
        } else {
            events.publish(meeting.id(), new RegistrationWaitlisted(meeting.id(), entry.personId(), meeting.title(),
                    meeting.kind().name(), meeting.startsAt(), meeting.endsAt(), meeting.timeZone().getId(),
                    registrations.waiting().indexOf(entry) + 1, now, seriesId, seriesSize));
        }
        return entry;
    }

    /** Cancels the person's registration; the first person on the waitlist takes the freed place. */
    void cancel(Meeting meeting, UUID personId, Instant now) {
        Waitlist.Departure departure = meetings.registrations(meeting).leave(personId, now);
        meetings.changeRegistration(meeting.id(), personId, "CANCELLED", now);
        events.publish(meeting.id(), new RegistrationCancelled(meeting.id(), personId, meeting.title(),
                meeting.kind().name(), meeting.startsAt(), meeting.timeZone().getId(),
                departure.left().place().name(), now));
        departure.promoted().ifPresent(promoted -> {
            meetings.changeRegistration(meeting.id(), promoted.personId(), Waitlist.Place.CONFIRMED.name(), now);
            events.publish(meeting.id(), new WaitlistPromoted(meeting.id(), promoted.personId(), meeting.title(),
                    meeting.kind().name(), meeting.startsAt(), meeting.endsAt(), meeting.timeZone().getId(), now));
        });
    }
}

package org.exchange.notification.batch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registrations a person's registration for all of a group's meetings made at once (places and waitlist places):
 * their events arrive one by one, and the person is told of them in one notice once the last has arrived, once
 * ({@link Batches}).
 */
@Service
public class SeriesRegistrationBatches {

    private final Batches batches;

    SeriesRegistrationBatches(Batches batches) {
        this.batches = batches;
    }

    /**
     * One of the registrations, as the notice tells it.
     *
     * @param waitlistPosition their place on the meeting's waitlist, from 1; null when they have a place
     */
    public record Registration(UUID meetingId, UUID personId, String title, String kind, Instant startsAt,
            Instant endsAt, String timeZone, Integer waitlistPosition) {

        /** Whether they have a place (not only a place on the waitlist). */
        public boolean confirmed() {
            return waitlistPosition == null;
        }
    }

    /**
     * Keeps one of the registrations; answers all of them, in start order, when this one completes them, in the
     * transaction that handles its event (so that the notice is written with it, or not at all).
     *
     * @param size how many registrations it made at once
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<List<Registration>> add(UUID seriesRegistrationId, int size, Registration registration) {
        return batches.add(Batches.Kind.SERIES_REGISTRATION, seriesRegistrationId, size, registration.meetingId(),
                registration.startsAt(), registration, Registration.class);
    }
}

package org.exchange.exchange.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.exchange.waitlist.Waitlist.Place;
import org.exchange.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

class WaitlistTest {

    static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    final UUID ada = UUID.randomUUID();
    final UUID ben = UUID.randomUUID();
    final UUID cleo = UUID.randomUUID();
    final UUID dev = UUID.randomUUID();

    @Test
    void registeringBeyondCapacityJoinsTheWaitlist() {
        Waitlist list = Waitlist.of(2, List.of());

        assertThat(list.join(ada, NINE).place()).isEqualTo(Place.CONFIRMED);
        assertThat(list.join(ben, NINE.plusSeconds(1)).place()).isEqualTo(Place.CONFIRMED);
        assertThat(list.join(cleo, NINE.plusSeconds(2)).place()).isEqualTo(Place.WAITLISTED);

        assertThat(list.placesLeft()).isZero();
        assertThat(list.waiting()).extracting(Waitlist.Entry::personId).containsExactly(cleo);
    }

    @Test
    void cancellingAPlacePromotesTheFirstPersonWaiting() {
        Waitlist list = Waitlist.of(1, List.of(
                new Waitlist.Entry(dev, Place.WAITLISTED, NINE.plusSeconds(3)),
                new Waitlist.Entry(ada, Place.CONFIRMED, NINE),
                new Waitlist.Entry(cleo, Place.WAITLISTED, NINE.plusSeconds(2))));

        Waitlist.Departure departure = list.leave(ada, NINE.plusSeconds(60));

        assertThat(departure.promoted()).map(Waitlist.Entry::personId).contains(cleo);
        assertThat(list.find(cleo)).map(Waitlist.Entry::place).contains(Place.CONFIRMED);
        assertThat(list.waiting()).extracting(Waitlist.Entry::personId).containsExactly(dev);
    }

    @Test
    void leavingTheWaitlistPromotesNobody() {
        Waitlist list = Waitlist.of(1, List.of(
                new Waitlist.Entry(ada, Place.CONFIRMED, NINE),
                new Waitlist.Entry(ben, Place.WAITLISTED, NINE.plusSeconds(1)),
                new Waitlist.Entry(cleo, Place.WAITLISTED, NINE.plusSeconds(2))));

        Waitlist.Departure departure = list.leave(ben, NINE.plusSeconds(60));

        assertThat(departure.promoted()).isEmpty();
        assertThat(list.confirmedIds()).containsExactly(ada);
        assertThat(list.waiting()).extracting(Waitlist.Entry::personId).containsExactly(cleo);
    }

    @Test
    void cancellingWhenNobodyWaitsFreesThePlace() {
        Waitlist list = Waitlist.of(3, List.of(new Waitlist.Entry(ada, Place.CONFIRMED, NINE)));

        assertThat(list.leave(ada, NINE).promoted()).isEmpty();
        assertThat(list.placesLeft()).isEqualTo(3);
    }

    @Test
    void registeringTwiceIsAConflict() {
        Waitlist list = Waitlist.of(1, List.of());
        list.join(ada, NINE);

        assertThatThrownBy(() -> list.join(ada, NINE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void leavingWithoutARegistrationIsAConflict() {
        assertThatThrownBy(() -> Waitlist.of(1, List.of()).leave(ada, NINE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void listsPeopleWithAPlaceBeforeThoseWaiting() {
        Waitlist list = Waitlist.of(1, List.of(
                new Waitlist.Entry(ben, Place.WAITLISTED, NINE.minusSeconds(10)),
                new Waitlist.Entry(ada, Place.CONFIRMED, NINE)));

        assertThat(list.inOrder()).extracting(Waitlist.Entry::personId).containsExactly(ada, ben);
    }
}

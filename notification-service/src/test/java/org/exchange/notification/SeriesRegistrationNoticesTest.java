package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.RegistrationWaitlisted;
import org.junit.jupiter.api.Test;

class SeriesRegistrationNoticesTest extends NotificationIntegrationTest {

    // Thursdays, 16:00 to 18:00 in London
    private static final Instant FIRST = Instant.parse("2027-01-07T16:00:00Z");
    private static final String SUBJECT = "You are registered for all of your group's meetings (3 meetings)";

    @Test
    void theRegistrationsOfOneSeriesRegistrationAreToldInOneMailAndOneFeedEntryEvenWhenRedelivered()
            throws Exception {
        Person ada = registeredPractitioner("Ada");
        UUID series = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> published = new ArrayList<>();
        // the events come in any order: each is keyed by its own meeting
        UUID third = UUID.randomUUID();
        published.add(publish(event(confirmed(third, ada.id(), 3, series, 3), third)));
        UUID first = UUID.randomUUID();
        published.add(publish(event(waitlisted(first, ada.id(), 1, 2, series, 3), first)));
        UUID second = UUID.randomUUID();
        published.add(publish(event(confirmed(second, ada.id(), 2, series, 3), second)));

        String text = awaitOneMail(ada.email(), SUBJECT).text();
        assertThat(text).contains("Hello Ada", "3 meetings already scheduled",
                "Thursday 7 January 2027, 16:00 to 18:00 (UK time)", "You are number 2 on the waitlist",
                "Each meeting scheduled later registers you too");
        assertThat(text.indexOf("Your place is confirmed at")).isPositive()
                .isLessThan(text.indexOf("Fractions meeting 2"));
        assertThat(text.indexOf("Fractions meeting 2")).isLessThan(text.indexOf("Fractions meeting 3"));
        assertThat(text.indexOf("Fractions meeting 3")).isLessThan(text.indexOf("on their waitlist"));
        assertThat(text.indexOf("on their waitlist")).isLessThan(text.indexOf("Fractions meeting 1"));
        oneFeedEntry(ada.id(), SUBJECT, "REGISTRATION");
        assertThat(feed(ada.id()).get("items").valueStream()
                .filter(item -> item.get("title").asString().contains("Fractions meeting"))).isEmpty();

        for (ProducerRecord<String, byte[]> record : published) {
            redeliver(record);
        }
        // the same registration sent again under a new event id is of a series registration already told
        publishAndAwait(confirmed(second, ada.id(), 2, series, 3), second);

        assertThat(mailsQueued(ada.email(), SUBJECT)).isEqualTo(1);
        assertThat(feedEntries(ada.id(), SUBJECT)).hasSize(1);
        assertThat(mails(ada.email(), SUBJECT)).hasSize(1);
    }

    @Test
    void aSeriesRegistrationIsNotToldUntilItsLastRegistrationArrivesAndALaterOneIsToldOnItsOwn() throws Exception {
        Person grace = registeredPractitioner("Grace");
        UUID series = UUID.randomUUID();
        for (int week = 1; week <= 2; week++) {
            UUID meeting = UUID.randomUUID();
            publishAndAwait(confirmed(meeting, grace.id(), week, series, 3), meeting);
        }
        UUID later = UUID.randomUUID();
        publishAndAwait(confirmed(later, grace.id(), 5, null, null), later);

        awaitOneMail(grace.email(), "Your place is confirmed: Fractions meeting 5");
        assertThat(mailsQueued(grace.email(), SUBJECT)).isZero();
        assertThat(feed(grace.id()).get("items").valueStream()
                .filter(item -> item.get("title").asString().contains("all of your group's meetings"))).isEmpty();
    }

    private static RegistrationConfirmed confirmed(UUID meeting, UUID person, int week, UUID series, Integer size) {
        Instant starts = FIRST.plus(Duration.ofDays(7L * (week - 1)));
        return new RegistrationConfirmed(meeting, person, "Fractions meeting " + week, "GROUP_MEETING", starts,
                starts.plus(Duration.ofHours(2)), "Europe/London", Instant.now(), series, size);
    }

    private static RegistrationWaitlisted waitlisted(UUID meeting, UUID person, int week, int position, UUID series,
            Integer size) {
        Instant starts = FIRST.plus(Duration.ofDays(7L * (week - 1)));
        return new RegistrationWaitlisted(meeting, person, "Fractions meeting " + week, "GROUP_MEETING", starts,
                starts.plus(Duration.ofHours(2)), "Europe/London", position, Instant.now(), series, size);
    }
}

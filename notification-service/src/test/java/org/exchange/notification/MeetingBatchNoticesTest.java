package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.exchange.contracts.exchange.MeetingScheduled;
import org.junit.jupiter.api.Test;

class MeetingBatchNoticesTest extends NotificationIntegrationTest {

    // Thursdays, 16:00 to 18:00 in London
    private static final Instant FIRST = Instant.parse("2027-01-07T16:00:00Z");
    private static final String SUBJECT = "4 new meetings scheduled for your group";

    @Test
    void fourMeetingsScheduledTogetherAreToldToEachMemberInOneMailAndOneFeedEntryEvenWhenRedelivered()
            throws Exception {
        Person ada = registeredPractitioner("Ada");
        Person alan = registeredPractitioner("Alan");
        UUID withoutAddress = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        List<UUID> members = List.of(ada.id(), alan.id(), withoutAddress);
        List<ProducerRecord<String, byte[]>> published = new ArrayList<>();
        // the events come in any order: each is keyed by its own meeting
        for (int week : List.of(3, 1, 4, 2)) {
            UUID meeting = UUID.randomUUID();
            published.add(publish(event(scheduled(meeting, group, "Fractions meeting " + week, week, members, batch, 4),
                    meeting)));
        }

        String text = awaitOneMail(ada.email(), SUBJECT).text();
        assertThat(text).contains("Hello Ada", "scheduled 4 meetings", "/groups/group.html?id=" + group,
                "Thursday 7 January 2027, 16:00 to 18:00 (UK time)", "online at https://meet.test/fractions");
        assertThat(text.indexOf("1. Fractions meeting 1")).isPositive()
                .isLessThan(text.indexOf("2. Fractions meeting 2"));
        assertThat(text.indexOf("3. Fractions meeting 3")).isLessThan(text.indexOf("4. Fractions meeting 4"));
        awaitOneMail(alan.email(), SUBJECT);
        oneFeedEntry(ada.id(), SUBJECT, "MEETING");
        oneFeedEntry(withoutAddress, SUBJECT, "MEETING");
        assertThat(feed(ada.id()).get("items").valueStream()
                .filter(item -> item.get("title").asString().startsWith("New group meeting"))).isEmpty();

        for (ProducerRecord<String, byte[]> record : published) {
            redeliver(record);
        }
        // the same meeting sent again under a new event id is of a batch already told
        UUID again = UUID.fromString(published.getFirst().key());
        publishAndAwait(scheduled(again, group, "Fractions meeting 3", 3, members, batch, 4), again);

        assertThat(mailsQueued(ada.email(), SUBJECT)).isEqualTo(1);
        assertThat(mailsQueued(alan.email(), SUBJECT)).isEqualTo(1);
        assertThat(feedEntries(ada.id(), SUBJECT)).hasSize(1);
        assertThat(feedEntries(withoutAddress, SUBJECT)).hasSize(1);
        assertThat(mails(ada.email(), SUBJECT)).hasSize(1);
    }

    @Test
    void aBatchIsNotToldUntilItsLastMeetingArrives() throws Exception {
        Person grace = registeredPractitioner("Grace");
        UUID batch = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        for (int week = 1; week <= 3; week++) {
            UUID meeting = UUID.randomUUID();
            publishAndAwait(scheduled(meeting, group, "Phonics meeting " + week, week, List.of(grace.id()), batch, 4),
                    meeting);
        }

        assertThat(feedEntries(grace.id(), SUBJECT)).isEmpty();
        assertThat(mailsQueued(grace.email(), SUBJECT)).isZero();
        assertThat(feed(grace.id()).get("items").valueStream()
                .filter(item -> item.get("title").asString().contains("Phonics meeting"))).isEmpty();
    }

    /** A group meeting in the given week from {@link #FIRST}, online, of a batch of the given size. */
    private static MeetingScheduled scheduled(UUID meeting, UUID group, String title, int week, List<UUID> members,
            UUID batch, int size) {
        Instant starts = FIRST.plus(Duration.ofDays(7L * (week - 1)));
        return new MeetingScheduled(meeting, UUID.randomUUID(), group, "GROUP_MEETING", title, starts,
                starts.plus(Duration.ofHours(2)), "Europe/London", null, null, "https://meet.test/fractions", 12, null,
                members, Instant.now(), batch, size);
    }
}

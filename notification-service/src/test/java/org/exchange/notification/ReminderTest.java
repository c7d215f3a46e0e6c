package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.exchange.MeetingCancelled;
import org.exchange.contracts.exchange.MeetingRescheduled;
import org.exchange.contracts.exchange.RegistrationCancelled;
import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.notification.reminder.MeetingReminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReminderTest extends NotificationIntegrationTest {

    private static final Duration DAY = Duration.ofHours(24);

    @Autowired
    MeetingReminders reminders;

    @Test
    void aReminderFollowsARescheduleAndReachesThoseRegisteredOnce() throws Exception {
        Person ada = registeredPractitioner("Ada");
        UUID meeting = UUID.randomUUID();
        String title = "Maths circle " + meeting;
        // registered for a meeting whose reminder falls due in a few seconds
        Instant soon = Instant.now().plus(DAY).plusSeconds(4);
        publishAndAwait(new RegistrationConfirmed(meeting, ada.id(), title, "GROUP_MEETING", soon,
                soon.plusSeconds(3600), "Europe/London", Instant.now()), meeting);

        // moved three days on: the reminder moves with it, and nothing is sent now
        // whole microseconds, as PostgreSQL keeps them (it rounds finer ones, so truncating here would not match)
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        publishAndAwait(rescheduled(meeting, title, soon, later, List.of(ada.id())), meeting);
        assertThat(dueAt(meeting)).isEqualTo(later.minus(DAY));
        reminders.sendDue();
        assertThat(mails(ada.email(), "Reminder: " + title)).isEmpty();

        // moved back: reminded once, of the new time, however often the reminders run
        Instant back = Instant.now().plus(DAY).plusSeconds(3);
        publishAndAwait(rescheduled(meeting, title, later, back, List.of(ada.id())), meeting);
        await().atMost(PATIENCE).until(() -> {
            reminders.sendDue();
            return mails(ada.email(), "Reminder: " + title).size() == 1;
        });
        reminders.sendDue();
        assertThat(awaitOneMail(ada.email(), "Reminder: " + title).text()).contains("you registered for");
        oneFeedEntry(ada.id(), "Reminder: " + title, "REMINDER");
    }

    @Test
    void aCancelledMeetingIsNeverReminded() throws Exception {
        Person bob = registeredPractitioner("Bob");
        UUID meeting = UUID.randomUUID();
        Instant startsAt = Instant.now().plus(Duration.ofDays(2));
        publishAndAwait(new RegistrationConfirmed(meeting, bob.id(), "Cancelled circle", "GROUP_MEETING", startsAt,
                startsAt.plusSeconds(3600), "Europe/London", Instant.now()), meeting);
        assertThat(reminderCount(meeting)).isEqualTo(1);

        publishAndAwait(new MeetingCancelled(meeting, null, null, "GROUP_MEETING", "Cancelled circle", startsAt,
                "Europe/London", "Venue closed", List.of(bob.id()), Instant.now()), meeting);

        assertThat(reminderCount(meeting)).isZero();
    }

    @Test
    void cancellingOnesOwnRegistrationDropsOnesReminderAndKeepsEveryoneElses() throws Exception {
        Person cath = registeredPractitioner("Cath");
        Person dan = registeredPractitioner("Dan");
        UUID meeting = UUID.randomUUID();
        String title = "ESOL circle " + meeting;
        // a reminder that falls due in a few seconds, so a kept one is sent while the test watches
        Instant soon = Instant.now().plus(DAY).plusSeconds(3);
        for (Person person : List.of(cath, dan)) {
            publishAndAwait(new RegistrationConfirmed(meeting, person.id(), title, "GROUP_MEETING", soon,
                    soon.plusSeconds(3600), "Europe/London", Instant.now()), meeting);
        }

        publishAndAwait(new RegistrationCancelled(meeting, cath.id(), title, "GROUP_MEETING", soon, "Europe/London",
                "CONFIRMED", Instant.now()), meeting);

        assertThat(reminderCount(meeting)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> {
            reminders.sendDue();
            return mails(dan.email(), "Reminder: " + title).size() == 1;
        });
        assertThat(mails(cath.email(), "Reminder: " + title)).isEmpty();
        assertThat(feedEntries(cath.id(), "Reminder: " + title)).isEmpty();
    }

    private static MeetingRescheduled rescheduled(UUID meeting, String title, Instant from, Instant to,
            List<UUID> registered) {
        return new MeetingRescheduled(meeting, null, null, "GROUP_MEETING", title, from, to, to.plusSeconds(3600),
                "Europe/London", null, "Room 4", null, 1, registered, Instant.now());
    }

    private Instant dueAt(UUID meeting) {
        return jdbc.sql("select due_at from meeting_reminder where meeting_id = :meeting").param("meeting", meeting)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private int reminderCount(UUID meeting) {
        return jdbc.sql("select count(*) from meeting_reminder where meeting_id = :meeting").param("meeting", meeting)
                .query(Integer.class).single();
    }
}

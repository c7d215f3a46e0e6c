package org.exchange.notification.reminder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.notification.feed.Notifier;
import org.exchange.notification.preference.Category;
import org.exchange.notification.wording.Wording;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before meetings and events, to the people registered (not the waitlist), at each configured lead time
 * ({@code exchange.reminders.lead-times}, 24 hours by default; a second one may be added). A reschedule moves them, a
 * cancellation removes them. Each is sent once even with several instances running: due reminders are taken with
 * {@code FOR UPDATE SKIP LOCKED} and marked sent in the transaction that notifies (category REMINDER, which people can
 * switch off).
 */
@Service
public class MeetingReminders {

    private final JdbcClient jdbc;
    private final Notifier notifier;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<Duration> leadTimes;

    MeetingReminders(JdbcClient jdbc, Notifier notifier, TransactionTemplate transaction, Clock clock,
            @Value("${exchange.reminders.lead-times:PT24H}") List<Duration> leadTimes) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.transaction = transaction;
        this.clock = clock;
        this.leadTimes = leadTimes;
    }

    /** A meeting a person has a place at (confirmed or promoted from the waitlist). */
    public record Place(UUID meetingId, UUID practitionerId, String title, String kind, Instant startsAt,
            Instant endsAt, String timeZone) {
    }

    /** Arms the reminders of a place; those whose time has already passed are left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void placeTaken(Place place) {
        if (place.startsAt() == null) {
            return;
        }
        Instant now = clock.instant();
        for (Duration lead : leadTimes) {
            Instant due = place.startsAt().minus(lead);
            if (!due.isAfter(now)) {
                continue;
            }
            jdbc.sql("""
                    insert into meeting_reminder (id, meeting_id, practitioner_id, lead_time, meeting_title,
                                                  meeting_kind, starts_at, ends_at, time_zone, due_at)
                    values (:id, :meeting, :person, :lead, :title, :kind, :starts, :ends, :zone, :due)
                    on conflict (meeting_id, practitioner_id, lead_time) do nothing""")
                    .param("id", UUID.randomUUID()).param("meeting", place.meetingId())
                    .param("person", place.practitionerId()).param("lead", lead.toString())
                    .param("title", place.title()).param("kind", place.kind())
                    .param("starts", Timestamp.from(place.startsAt()))
                    .param("ends", place.endsAt() == null ? null : Timestamp.from(place.endsAt()))
                    .param("zone", place.timeZone()).param("due", Timestamp.from(due))
                    .update();
        }
    }

    /**
     * A meeting moved: its reminders follow. One already sent is armed again when the meeting's new reminder time is
     * still to come, so people are reminded of the new time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moved(UUID meetingId, Instant startsAt, Instant endsAt) {
        if (startsAt == null) {
            return;
        }
        jdbc.sql("""
                update meeting_reminder
                set starts_at = :starts, ends_at = :ends,
                    due_at = cast(:starts as timestamptz) - cast(lead_time as interval),
                    sent_at = case when cast(:starts as timestamptz) - cast(lead_time as interval)
                                        > cast(:now as timestamptz) then null else sent_at end
                where meeting_id = :meeting""")
                .param("starts", Timestamp.from(startsAt))
                .param("ends", endsAt == null ? null : Timestamp.from(endsAt))
                .param("now", Timestamp.from(clock.instant()))
                .param("meeting", meetingId)
                .update();
    }

    /** A meeting was cancelled: nobody is reminded of it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void cancelled(UUID meetingId) {
        jdbc.sql("delete from meeting_reminder where meeting_id = :meeting and sent_at is null")
                .param("meeting", meetingId).update();
    }

    /** A person cancelled their own registration: they are not reminded of the meeting, everyone else still is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void placeGivenUp(UUID meetingId, UUID practitionerId) {
        jdbc.sql("""
                delete from meeting_reminder
                where meeting_id = :meeting and practitioner_id = :person and sent_at is null""")
                .param("meeting", meetingId).param("person", practitionerId).update();
    }

    /** Sends the reminders that are due, a batch per transaction, until none is left; answers how many. */
    @Scheduled(fixedDelayString = "${exchange.reminders.poll-interval:PT30S}")
    public int sendDue() {
        int total = 0;
        Integer sent;
        do {
            sent = transaction.execute(status -> sendBatch(100));
            total += sent == null ? 0 : sent;
        } while (sent != null && sent == 100);
        return total;
    }

    private int sendBatch(int max) {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                select * from meeting_reminder where sent_at is null and due_at <= :now and starts_at > :now
                order by due_at limit :max for update skip locked""")
                .param("now", Timestamp.from(now)).param("max", max)
                .query((rs, row) -> new Due(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                        rs.getString("meeting_title"), rs.getString("meeting_kind"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at") == null ? null : rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("time_zone")))
                .list();
        for (Due reminder : due) {
            String kind = Wording.kind(reminder.kind());
            notifier.notify(reminder.practitionerId(), Category.REMINDER, "Reminder: " + reminder.title(),
                    person -> """
                            Hello %s,

                            This is a reminder of the %s you registered for: %s.

                            When: %s

                            If you can no longer come, please cancel your registration in the portal so that someone
                            on the waitlist can have your place.

                            The Exchange team
                            """.formatted(person.greetingName(), kind, reminder.title(),
                            Wording.when(reminder.startsAt(), reminder.endsAt(), reminder.timeZone())),
                    // one feed entry per reminder and meeting time, however often the batch is tried
                    UUID.nameUUIDFromBytes((reminder.id() + "@" + reminder.startsAt())
                            .getBytes(StandardCharsets.UTF_8)));
            jdbc.sql("update meeting_reminder set sent_at = :now where id = :id")
                    .param("now", Timestamp.from(now)).param("id", reminder.id()).update();
        }
        return due.size();
    }

    private record Due(UUID id, UUID practitionerId, String title, String kind, Instant startsAt, Instant endsAt,
            String timeZone) {
    }
}

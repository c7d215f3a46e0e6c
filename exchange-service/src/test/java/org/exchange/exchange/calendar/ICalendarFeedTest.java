package org.exchange.exchange.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.validate.ValidationResult;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.meeting.Meeting;
import org.exchange.exchange.meeting.MeetingKind;
import org.junit.jupiter.api.Test;

class ICalendarFeedTest {

    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant START = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void theFeedIsValidRfc5545WithCrLfLinesFoldedAt75Octets() throws Exception {
        UUID venueId = UUID.randomUUID();
        Venue venue = new Venue(venueId, "org-westmid-college", "Westmid College, Hall Green campus",
                "1 College Road, Birmingham", "B28 8ZZ", 52.43, -1.83, 80, "Step-free", false);
        Meeting atVenue = Meeting.schedule(UUID.randomUUID(), null, MeetingKind.DEVELOPMENT_DAY,
                "Quarterly development day with a title long enough to need folding at seventy-five octets", null,
                "Dr Jane Example", new Meeting.Slot(START, START.plus(Duration.ofHours(6)), ZoneId.of("Europe/London"),
                        venueId, null), 60, UUID.randomUUID(), NOW);
        Meeting online = Meeting.schedule(UUID.randomUUID(), UUID.randomUUID(), MeetingKind.GROUP_MEETING,
                "Fractions, meeting 2; bring examples", "Bring one example", null,
                new Meeting.Slot(START, START.plus(Duration.ofHours(2)), ZoneId.of("Europe/London"), null,
                        "https://meet.test/fractions"), 20, UUID.randomUUID(), NOW).cancel("Half term", NOW);

        String ics = ICalendarFeed.write("West Midlands", List.of(atVenue, online),
                meeting -> meeting == atVenue ? Optional.of(venue) : Optional.empty(), meeting -> true);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\n ");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes().length).isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        ValidationResult validation = calendar.validate();
        assertThat(validation.hasErrors()).as(validation.toString()).isFalse();
        assertThat(calendar.getComponents("VEVENT")).hasSize(2);
    }

    /** Feeds are written for many callers at once (a calendar app, the portal's "Add to calendar"): same input, same file. */
    @Test
    void manyFeedsWrittenAtOnceAreEachWhole() throws Exception {
        Meeting meeting = Meeting.schedule(UUID.randomUUID(), UUID.randomUUID(), MeetingKind.GROUP_MEETING,
                "Fractions, meeting 3", "Bring one example", null,
                new Meeting.Slot(START, START.plus(Duration.ofHours(2)), ZoneId.of("Europe/London"), null,
                        "https://meet.test/fractions"), 20, UUID.randomUUID(), NOW);
        String expected = ICalendarFeed.write("Fractions", List.of(meeting), ignored -> Optional.empty(),
                ignored -> false);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> written = new java.util.ArrayList<>();
            for (int i = 0; i < 800; i++) {
                written.add(pool.submit(() -> ICalendarFeed.write("Fractions", List.of(meeting),
                        ignored -> Optional.empty(), ignored -> false)));
            }
            for (var file : written) {
                assertThat(file.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

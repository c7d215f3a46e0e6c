package org.exchange.exchange.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.meeting.Meeting;
import org.exchange.exchange.meeting.MeetingStatus;
import org.exchange.platform.validation.WebLinkValidator;

/**
 * Writes meetings as an RFC 5545 calendar. Each meeting keeps one UID for life; its SEQUENCE rises with each
 * reschedule, and a cancelled meeting stays in the feed with STATUS:CANCELLED, so subscribed calendars update it
 * rather than duplicate or silently drop it. Times are written in UTC, which every client reads. No METHOD: a
 * subscribed feed is a plain calendar, not an iTIP message (which would need an ORGANIZER per event).
 */
final class ICalendarFeed {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final String UID_DOMAIN = "@exchange-service";

    private ICalendarFeed() {
    }

    /**
     * @param showJoinLink whether a meeting's online join link goes into this feed (only for those who may join)
     */
    static String write(String name, List<Meeting> meetings, Function<Meeting, Optional<Venue>> venues,
            Predicate<Meeting> showJoinLink) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Exchange platform//exchange-service//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (Meeting meeting : meetings) {
            calendar.add(event(meeting, venues.apply(meeting), showJoinLink.test(meeting)));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The stable UID of a meeting in every feed. */
    static String uid(Meeting meeting) {
        return meeting.id() + UID_DOMAIN;
    }

    private static VEvent event(Meeting meeting, Optional<Venue> venue, boolean showJoinLink) {
        VEvent event = new VEvent(meeting.startsAt(), meeting.endsAt(), meeting.title());
        event.replace(new DtStamp(meeting.updatedAt()));
        event.add(new Uid(uid(meeting)));
        event.add(new Sequence(meeting.sequence()));
        event.add(meeting.status() == MeetingStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED
                : ImmutableStatus.VEVENT_CONFIRMED);
        venue.ifPresent(place -> event.add(new Location(place.address() == null ? place.name()
                : place.name() + ", " + place.address() + (place.postcode() == null ? "" : ", " + place.postcode()))));
        if (venue.isEmpty() && meeting.onlineUrl() != null) {
            event.add(new Location("Online"));
        }
        if (showJoinLink) {
            // A link stored before links were checked may not parse: the feed leaves it out rather than fail.
            WebLinkValidator.parse(meeting.onlineUrl()).ifPresent(link -> event.add(new Url(link)));
        }
        StringBuilder description = new StringBuilder();
        if (meeting.keySpeaker() != null) {
            description.append("Key speaker: ").append(meeting.keySpeaker()).append('\n');
        }
        if (meeting.description() != null) {
            description.append(meeting.description()).append('\n');
        }
        if (meeting.status() == MeetingStatus.CANCELLED && meeting.cancelReason() != null) {
            description.append("Cancelled: ").append(meeting.cancelReason()).append('\n');
        }
        if (!description.isEmpty()) {
            event.add(new Description(description.toString().strip()));
        }
        return event;
    }
}

package org.exchange.exchange.calendar;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.meeting.Meeting;
import org.exchange.exchange.meeting.MeetingService;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.exchange.platform.security.SecretTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** iCalendar feeds: one per group (public), one per person (behind a secret, revocable token in its address). */
@Service
public class CalendarService {

    /** More meetings than any group holds in its four to twelve months. */
    private static final int GROUP_FEED_LIMIT = 500;

    private final FeedTokens tokens;
    private final MeetingService meetings;
    private final GroupService groups;
    private final Clock clock;

    CalendarService(FeedTokens tokens, MeetingService meetings, GroupService groups, Clock clock) {
        this.tokens = tokens;
        this.meetings = meetings;
        this.groups = groups;
        this.clock = clock;
    }

    /** Gives the caller a new feed token; an earlier one stops working. */
    @Transactional
    public String issueToken(Caller caller) {
        String token = SecretTokens.issue();
        tokens.replace(caller.subjectId(), token, clock.instant());
        return token;
    }

    /** An erased person's feed address stops working at once, whoever holds it. */
    @Transactional
    public void forgetTokenOf(UUID personId) {
        tokens.revoke(personId);
    }

    /** Revokes the caller's feed token: calendars subscribed with it get nothing more. */
    @Transactional
    public void revokeToken(Caller caller) {
        if (!tokens.revoke(caller.subjectId())) {
            throw new NotFoundException("You have no calendar feed to revoke");
        }
    }

    /** The calendar of the person the token belongs to. */
    @Transactional(readOnly = true)
    public String personFeed(String token) {
        UUID person = tokens.owner(token).orElseThrow(() -> new NotFoundException("No such calendar feed"));
        List<Meeting> calendar = meetings.calendarOf(person);
        Set<UUID> withJoinLink = meetings.withJoinLinkFor(person, calendar);
        return ICalendarFeed.write("My Exchange meetings", calendar, meetings::venueOf,
                meeting -> withJoinLink.contains(meeting.id()));
    }

    /** One meeting as a calendar file anyone may add; like the group feed, without its join link. */
    @Transactional(readOnly = true)
    public String meetingFile(UUID meetingId) {
        Meeting meeting = meetings.get(meetingId);
        return ICalendarFeed.write(meeting.title(), List.of(meeting), meetings::venueOf, ignored -> false);
    }

    /**
     * A group's meetings, past and future, cancelled ones included. Anyone may read it, so it never carries a join
     * link: members find theirs in their own feed once registered.
     */
    @Transactional(readOnly = true)
    public String groupFeed(UUID groupId) {
        Group group = groups.get(groupId);
        return ICalendarFeed.write(group.name(), meetings.search(null, groupId, true, true, GROUP_FEED_LIMIT),
                meetings::venueOf, meeting -> false);
    }
}

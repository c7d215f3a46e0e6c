package org.exchange.exchange.events;

import java.time.Clock;
import java.util.UUID;

import org.exchange.exchange.calendar.CalendarService;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.exchange.exchange.discussion.DiscussionService;
import org.exchange.exchange.enquiry.EnquiryService;
import org.exchange.exchange.interest.InterestService;
import org.exchange.exchange.meeting.SeriesRegistrationService;
import org.exchange.exchange.outcome.OutcomeService;
import org.exchange.exchange.research.ResearchService;
import org.exchange.platform.erasure.PlatformErasure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's request to be forgotten, as far as this context holds their data: their name (in the directory and as
 * entered among outcome authors) is withheld for good, their calendar feed address stops working, and their own
 * research observations go; their discussion posts stay as a former member's without their text (their name leaves
 * the posts that mentioned them), and their reactions, read markers, reports and mentions go, and so do their
 * interests in subjects and their enquiries with the replies to them, and their registrations for all of a group's
 * meetings (the registrations those made stay, as their own do). What stays is keyed by
 * their subject id alone, which names nobody: memberships of groups, registrations and attendance (so that counts
 * still add up), trials they started (the group's record). The audit
 * trail keeps what was done about them, but no longer what their records held.
 */
@Component
class Erasure {

    private final Directory directory;
    private final OutcomeService outcomes;
    private final CalendarService calendars;
    private final ResearchService research;
    private final DiscussionService discussions;
    private final InterestService interests;
    private final EnquiryService enquiries;
    private final SeriesRegistrationService series;
    private final PlatformErasure platformErasure;
    private final Clock clock;

    Erasure(Directory directory, OutcomeService outcomes, CalendarService calendars, ResearchService research,
            DiscussionService discussions, InterestService interests, EnquiryService enquiries,
            SeriesRegistrationService series, PlatformErasure platformErasure, Clock clock) {
        this.series = series;
        this.enquiries = enquiries;
        this.interests = interests;
        this.platformErasure = platformErasure;
        this.directory = directory;
        this.outcomes = outcomes;
        this.calendars = calendars;
        this.research = research;
        this.discussions = discussions;
        this.clock = clock;
    }

    @Transactional
    void erase(UUID personId) {
        String name = directory.person(personId).filter(person -> !person.erased()).map(Person::fullName)
                .orElse("");
        outcomes.eraseAuthorName(personId, name);
        discussions.eraseParticipant(personId, name);
        calendars.forgetTokenOf(personId);
        research.eraseObservationsOf(personId);
        interests.erase(personId);
        enquiries.erase(personId);
        series.erase(personId);
        directory.erase(personId, clock.instant());
        platformErasure.forget(personId);
    }
}

package org.exchange.notification.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.exchange.DiscussionPostAdded;
import org.exchange.contracts.exchange.DiscussionPostHidden;
import org.exchange.contracts.exchange.EnquiryAnswered;
import org.exchange.contracts.exchange.GroupActivated;
import org.exchange.contracts.exchange.GroupProposed;
import org.exchange.contracts.exchange.InterestConfirmationRequested;
import org.exchange.contracts.exchange.InterestMatched;
import org.exchange.contracts.exchange.MeetingCancelled;
import org.exchange.contracts.exchange.MeetingRescheduled;
import org.exchange.contracts.exchange.MeetingScheduled;
import org.exchange.contracts.exchange.MemberJoinedGroup;
import org.exchange.contracts.exchange.MemberLeftGroup;
import org.exchange.contracts.exchange.NetworkCreated;
import org.exchange.contracts.exchange.OutcomePublished;
import org.exchange.contracts.exchange.RegistrationCancelled;
import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.RegistrationWaitlisted;
import org.exchange.contracts.exchange.WaitlistPromoted;
import org.exchange.notification.batch.MeetingBatches;
import org.exchange.notification.batch.SeriesRegistrationBatches;
import org.exchange.notification.digest.DiscussionActivity;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.interest.InterestNotices;
import org.exchange.notification.preference.Category;
import org.exchange.notification.programme.ProgrammeNews;
import org.exchange.notification.recipient.Recipient;
import org.exchange.notification.reminder.MeetingReminders;
import org.exchange.notification.wording.Wording;
import org.exchange.platform.inbox.EventMetadata;
import org.exchange.platform.inbox.Inbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The exchange's events, told to the people each one names: a new meeting to its group's members, a moved or
 * cancelled one to everyone registered or waitlisted, a place (or a place in the waitlist's queue) to the person who
 * has it, an outcome to its group's members and its publisher. Nobody the payload does not name hears of anything.
 * Networks, groups forming, their participants, meetings and outcomes also feed the newsletter's read model
 * ({@link ProgrammeNews}). Interest in a subject is confirmed and told by {@link InterestNotices}. A discussion post
 * is told to whoever it mentions, and a new thread in a group's space to the group's other members; every post, and who
 * belongs to each group's space, is kept for the discussion digest ({@link DiscussionActivity}) until a moderator
 * hides it. The answer to an enquiry is mailed, with its text, to the person who sent it. Meetings a facilitator
 * scheduled together are told to the group's members in one notice listing them all ({@link MeetingBatches}), and the
 * registrations one registration for all of a group's meetings made at once to the person in one notice listing them
 * ({@link SeriesRegistrationBatches}); those it makes for meetings scheduled later are told one by one.
 */
@Component
class ExchangeEvents {

    private final Inbox inbox;
    private final Notifier notifier;
    private final ProgrammeNews news;
    private final MeetingReminders reminders;
    private final InterestNotices interest;
    private final DiscussionActivity discussions;
    private final MeetingBatches batches;
    private final SeriesRegistrationBatches seriesRegistrations;
    private final Clock clock;
    private final String portal;

    ExchangeEvents(Inbox inbox, Notifier notifier, ProgrammeNews news, MeetingReminders reminders,
            InterestNotices interest, DiscussionActivity discussions, MeetingBatches batches,
            SeriesRegistrationBatches seriesRegistrations, Clock clock,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String portal) {
        this.batches = batches;
        this.seriesRegistrations = seriesRegistrations;
        this.discussions = discussions;
        this.clock = clock;
        this.interest = interest;
        this.portal = portal;
        this.inbox = inbox;
        this.notifier = notifier;
        this.news = news;
        this.reminders = reminders;
    }

    @KafkaListener(topics = Topics.EXCHANGE)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(MeetingScheduled.class, this::scheduled),
                on(MeetingRescheduled.class, this::rescheduled),
                on(MeetingCancelled.class, this::cancelled),
                on(RegistrationConfirmed.class, this::registrationConfirmed),
                on(RegistrationWaitlisted.class, this::waitlisted),
                on(RegistrationCancelled.class, this::registrationCancelled),
                on(WaitlistPromoted.class, this::waitlistPromoted),
                on(OutcomePublished.class, this::outcomePublished),
                on(NetworkCreated.class, this::networkCreated),
                on(GroupProposed.class, this::groupProposed),
                on(GroupActivated.class, this::groupActivated),
                on(MemberJoinedGroup.class, this::memberJoined),
                on(MemberLeftGroup.class, this::memberLeft),
                on(InterestConfirmationRequested.class, interest::confirmationRequested),
                on(InterestMatched.class, interest::matched),
                on(DiscussionPostAdded.class, this::discussionPost),
                on(DiscussionPostHidden.class, (hidden, event) -> discussions.postHidden(hidden.postId())),
                on(EnquiryAnswered.class, this::enquiryAnswered));
    }

    /**
     * Whoever a post mentions hears of it (by e-mail too, unless they chose otherwise); a new thread in a group's space
     * reaches the group's other members in their feed (by e-mail only for those who asked for it). Replies are not
     * told one by one: the portal marks them unread in the thread. The event carries no text, so no notice quotes it:
     * the post is read in the portal, where its space's access rules apply.
     */
    private void discussionPost(DiscussionPostAdded post, EventMetadata event) {
        discussions.postAdded(post, post.postedAt() == null ? event.time() : post.postedAt(), clock.instant());
        String thread = portal + "/groups/thread.html?id=" + post.threadId();
        Set<UUID> mentioned = new LinkedHashSet<>(post.mentionedPersonIds() == null ? List.of()
                : post.mentionedPersonIds());
        mentioned.remove(post.authorId());
        tell(mentioned, Category.MENTION, "You were mentioned in a discussion: " + post.threadTitle(), person -> """
                Hello %s,

                Someone mentioned you in a post in the discussion "%s".

                Read it and reply in the portal: %s

                The Exchange team
                """.formatted(person.greetingName(), post.threadTitle(), thread), event);
        if (post.opensThread() && post.groupMemberIds() != null) {
            Set<UUID> members = new LinkedHashSet<>(post.groupMemberIds());
            members.remove(post.authorId());
            members.removeAll(mentioned);
            tell(members, Category.DISCUSSION, "New thread in your group's discussion: " + post.threadTitle(),
                    person -> """
                            Hello %s,

                            A new thread has started in your group's discussion: "%s".

                            Read it and join in in the portal: %s

                            The Exchange team
                            """.formatted(person.greetingName(), post.threadTitle(), thread), event);
        }
    }

    /**
     * A programme admin answered someone's enquiry: the reply reaches them by e-mail (they asked, so always) and in
     * their feed, once per reply however often the event comes; the portal shows the whole exchange.
     */
    private void enquiryAnswered(EnquiryAnswered answer, EventMetadata event) {
        String to = answer.networkName() == null ? "the Learning Exchange" : answer.networkName();
        tell(List.of(answer.practitionerId()), Category.ENQUIRY, "Answer to your enquiry: " + answer.subject(),
                person -> """
                        Hello %s,

                        You asked %s: "%s". Here is the answer:

                        %s

                        Read your enquiries and their answers in the portal: %s

                        The Exchange team
                        """.formatted(person.greetingName(), to, answer.subject(), answer.reply(),
                        portal + "/enquiries.html"),
                event);
    }

    private void networkCreated(NetworkCreated network, EventMetadata event) {
        news.saveNetwork(new ProgrammeNews.Network(network.networkId(), network.name(), network.region()));
    }

    private void groupProposed(GroupProposed group, EventMetadata event) {
        news.save(new ProgrammeNews.Item(group.groupId(), ProgrammeNews.Kind.GROUP_FORMING, group.networkId(),
                group.name(), group.challenge(), null, group.area(),
                group.proposedAt() == null ? event.time() : group.proposedAt(), false));
        if (group.facilitatorIds() != null) {
            group.facilitatorIds().forEach(person -> news.participates(group.networkId(), person));
        }
        discussions.members(group.groupId(), group.networkId(), group.name(), group.facilitatorIds(),
                group.proposedAt() == null ? event.time() : group.proposedAt());
    }

    private void groupActivated(GroupActivated group, EventMetadata event) {
        news.formed(group.groupId());
        for (List<UUID> people : java.util.Arrays.asList(group.facilitatorIds(), group.memberIds())) {
            if (people != null) {
                people.forEach(person -> news.participates(group.networkId(), person));
                discussions.members(group.groupId(), group.networkId(), group.name(), people,
                        group.activatedAt() == null ? event.time() : group.activatedAt());
            }
        }
    }

    private void memberJoined(MemberJoinedGroup joined, EventMetadata event) {
        news.participates(joined.networkId(), joined.practitionerId());
        discussions.members(joined.groupId(), joined.networkId(), joined.groupName(), List.of(joined.practitionerId()),
                joined.joinedAt() == null ? event.time() : joined.joinedAt());
    }

    /** A member who left no longer gets the group's posts (nor its network's, unless another group keeps them in). */
    private void memberLeft(MemberLeftGroup left, EventMetadata event) {
        discussions.left(left.groupId(), left.networkId(), left.groupName(), left.practitionerId(),
                left.leftAt() == null ? event.time() : left.leftAt());
    }

    private void scheduled(MeetingScheduled meeting, EventMetadata event) {
        ProgrammeNews.Kind kind = ProgrammeNews.Kind.ofMeeting(meeting.kind());
        if (kind != null && meeting.startsAt() != null) {
            news.save(new ProgrammeNews.Item(meeting.meetingId(), kind, meeting.networkId(), meeting.title(), null,
                    meeting.keySpeaker(), where(meeting.venueName(), meeting.onlineUrl()), meeting.startsAt(), false));
        }
        if (meeting.batchId() != null && meeting.batchSize() != null && meeting.batchSize() > 1) {
            batches.add(meeting.batchId(), meeting.batchSize(), new MeetingBatches.Meeting(meeting.meetingId(),
                    meeting.groupId(), meeting.kind(), meeting.title(), meeting.startsAt(), meeting.endsAt(),
                    meeting.timeZone(), where(meeting.venueName(), meeting.onlineUrl()), meeting.capacity(),
                    meeting.groupMemberIds() == null ? List.of() : meeting.groupMemberIds()))
                    .ifPresent(whole -> scheduledTogether(whole, event));
            return;
        }
        String keySpeaker = meeting.keySpeaker() == null || meeting.keySpeaker().isBlank()
                ? "" : "Key speaker: " + meeting.keySpeaker() + "\n";
        String capacity = meeting.capacity() > 0
                ? "Places are limited to " + meeting.capacity() + ", so please register soon to secure yours."
                : "Please register so that the organisers know to expect you.";
        tell(meeting.groupMemberIds(), Category.MEETING, "New " + Wording.kind(meeting.kind()) + ": " + meeting.title(),
                person -> """
                        Hello %s,

                        A new %s has been scheduled for your group: %s.

                        When:  %s
                        Where: %s
                        %s
                        %s You can register from the meeting's page in the portal.

                        The Exchange team
                        """.formatted(person.greetingName(), Wording.kind(meeting.kind()), meeting.title(),
                        Wording.when(meeting.startsAt(), meeting.endsAt(), meeting.timeZone()),
                        where(meeting.venueName(), meeting.onlineUrl()), keySpeaker, capacity),
                event);
    }

    /**
     * The last meeting of a batch arrived: the group's members hear of all of them in one notice, in the transaction of
     * the event that completed the batch (its id keys their feed entry, so a redelivery adds nothing).
     */
    private void scheduledTogether(MeetingBatches.Whole batch, EventMetadata event) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < batch.meetings().size(); i++) {
            MeetingBatches.Meeting meeting = batch.meetings().get(i);
            list.append("""
                    %d. %s
                       When:   %s
                       Where:  %s
                       Places: %d

                    """.formatted(i + 1, meeting.title(),
                    Wording.when(meeting.startsAt(), meeting.endsAt(), meeting.timeZone()), meeting.place(),
                    meeting.capacity()));
        }
        String page = batch.groupId() == null ? portal + "/groups/index.html"
                : portal + "/groups/group.html?id=" + batch.groupId();
        int count = batch.meetings().size();
        tell(batch.invited(), Category.MEETING, count + " new meetings scheduled for your group", person -> """
                Hello %s,

                Your group's facilitator has scheduled %d meetings:

                %sRegister for each of them, or for all of the group's meetings at once (those still to come and
                those scheduled later), on the group's page in the portal: %s

                The Exchange team
                """.formatted(person.greetingName(), count, list, page), event);
    }

    private void rescheduled(MeetingRescheduled meeting, EventMetadata event) {
        if (meeting.startsAt() != null) {
            news.moved(meeting.meetingId(), meeting.startsAt(), where(meeting.venueName(), meeting.onlineUrl()));
        }
        reminders.moved(meeting.meetingId(), meeting.startsAt(), meeting.endsAt());
        tell(meeting.registeredPractitionerIds(), Category.MEETING, "Moved: " + meeting.title(), person -> """
                Hello %s,

                The %s you registered for, %s, has been rescheduled.

                Was:   %s
                Now:   %s
                Where: %s

                Your registration still stands, and if you are on the waitlist you keep your place in the queue.
                If you can no longer come, please cancel your registration in the portal so that someone else can
                have your place. Your Exchange calendar feed shows the new time.

                The Exchange team
                """.formatted(person.greetingName(), Wording.kind(meeting.kind()), meeting.title(),
                Wording.when(meeting.previousStartsAt(), null, meeting.timeZone()),
                Wording.when(meeting.startsAt(), meeting.endsAt(), meeting.timeZone()),
                where(meeting.venueName(), meeting.onlineUrl())),
                event);
    }

    private void cancelled(MeetingCancelled meeting, EventMetadata event) {
        news.cancelled(meeting.meetingId());
        reminders.cancelled(meeting.meetingId());
        String reason = meeting.reason() == null || meeting.reason().isBlank()
                ? "" : "\nThe organiser said: " + meeting.reason() + "\n";
        tell(meeting.registeredPractitionerIds(), Category.MEETING, "Cancelled: " + meeting.title(), person -> """
                Hello %s,

                We are sorry to tell you that %s, the %s on %s, has been cancelled.
                %s
                You do not need to do anything: your registration has been cancelled with it.

                The Exchange team
                """.formatted(person.greetingName(), meeting.title(), Wording.kind(meeting.kind()),
                Wording.when(meeting.startsAt(), null, meeting.timeZone()), reason),
                event);
    }

    private void registrationConfirmed(RegistrationConfirmed registration, EventMetadata event) {
        reminders.placeTaken(new MeetingReminders.Place(registration.meetingId(), registration.practitionerId(),
                registration.meetingTitle(), registration.meetingKind(), registration.startsAt(),
                registration.endsAt(), registration.timeZone()));
        if (registration.seriesRegistrationId() != null && registration.seriesRegistrationSize() != null) {
            registeredTogether(registration.seriesRegistrationId(), registration.seriesRegistrationSize(),
                    new SeriesRegistrationBatches.Registration(registration.meetingId(), registration.practitionerId(),
                            registration.meetingTitle(), registration.meetingKind(), registration.startsAt(),
                            registration.endsAt(), registration.timeZone(), null), event);
            return;
        }
        tell(List.of(registration.practitionerId()), Category.REGISTRATION,
                "Your place is confirmed: " + registration.meetingTitle(), person -> """
                        Hello %s,

                        Your place at %s (%s) is confirmed.

                        When: %s

                        If you cannot come after all, please cancel your registration in the portal so that someone
                        on the waitlist can have your place.

                        We look forward to seeing you.

                        The Exchange team
                        """.formatted(person.greetingName(), registration.meetingTitle(),
                        Wording.kind(registration.meetingKind()),
                        Wording.when(registration.startsAt(), registration.endsAt(), registration.timeZone())),
                event);
    }

    /** Waiting is not a place: no reminders are armed until a promotion gives them one. */
    private void waitlisted(RegistrationWaitlisted waiting, EventMetadata event) {
        if (waiting.seriesRegistrationId() != null && waiting.seriesRegistrationSize() != null) {
            registeredTogether(waiting.seriesRegistrationId(), waiting.seriesRegistrationSize(),
                    new SeriesRegistrationBatches.Registration(waiting.meetingId(), waiting.practitionerId(),
                            waiting.meetingTitle(), waiting.meetingKind(), waiting.startsAt(), waiting.endsAt(),
                            waiting.timeZone(), waiting.waitlistPosition()), event);
            return;
        }
        tell(List.of(waiting.practitionerId()), Category.REGISTRATION,
                "You are on the waitlist: " + waiting.meetingTitle(), person -> """
                        Hello %s,

                        %s (%s) is full, so you are on its waitlist: you are number %d on the waitlist.

                        When: %s

                        If someone with a place cancels, the first person waiting takes it, and we will tell you
                        at once if that is you. If you no longer want a place, please take your name off the
                        waitlist in the portal.

                        The Exchange team
                        """.formatted(person.greetingName(), waiting.meetingTitle(),
                        Wording.kind(waiting.meetingKind()), waiting.waitlistPosition(),
                        Wording.when(waiting.startsAt(), waiting.endsAt(), waiting.timeZone())),
                event);
    }

    /**
     * One of the registrations a person's registration for all of a group's meetings made at once: when it is the last
     * to arrive, the person hears of all of them in one notice (places first, then waitlist places with their number),
     * in the transaction of the event that completed them (its id keys their feed entry, so a redelivery adds nothing).
     */
    private void registeredTogether(UUID seriesRegistrationId, int size,
            SeriesRegistrationBatches.Registration registration, EventMetadata event) {
        seriesRegistrations.add(seriesRegistrationId, size, registration).ifPresent(registrations -> {
            List<SeriesRegistrationBatches.Registration> places = registrations.stream()
                    .filter(SeriesRegistrationBatches.Registration::confirmed).toList();
            List<SeriesRegistrationBatches.Registration> waiting = registrations.stream()
                    .filter(each -> !each.confirmed()).toList();
            StringBuilder list = new StringBuilder();
            if (!places.isEmpty()) {
                list.append("Your place is confirmed at:\n\n");
                places.forEach(place -> list.append(registered(place, "")));
            }
            if (!waiting.isEmpty()) {
                list.append("These are full, so you are on their waitlist:\n\n");
                waiting.forEach(place -> list.append(registered(place,
                        "\n   You are number " + place.waitlistPosition() + " on the waitlist.")));
            }
            int count = registrations.size();
            String meetings = count == 1 ? "1 meeting" : count + " meetings";
            tell(List.of(registration.personId()), Category.REGISTRATION,
                    "You are registered for all of your group's meetings (" + meetings + ")", person -> """
                            Hello %s,

                            You registered for all of your group's meetings: %s already scheduled.

                            %sEach meeting scheduled later registers you too, and we will tell you of it. If you
                            cannot come to a meeting, please cancel your registration for it in the portal so that
                            someone on the waitlist can have your place; you can stop registering for all of the
                            group's meetings on the group's page. If someone with a place cancels, the first person
                            waiting takes it, and we will tell you at once if that is you.

                            The Exchange team
                            """.formatted(person.greetingName(), meetings, list), event);
        });
    }

    private static String registered(SeriesRegistrationBatches.Registration registration, String waitlist) {
        return """
                - %s (%s)
                   When: %s%s

                """.formatted(registration.title(), Wording.kind(registration.kind()),
                Wording.when(registration.startsAt(), registration.endsAt(), registration.timeZone()), waitlist);
    }

    /** The person cancelled it themselves in the portal, which told them so: nothing is sent, only reminders go. */
    private void registrationCancelled(RegistrationCancelled cancellation, EventMetadata event) {
        reminders.placeGivenUp(cancellation.meetingId(), cancellation.practitionerId());
    }

    private void waitlistPromoted(WaitlistPromoted promotion, EventMetadata event) {
        reminders.placeTaken(new MeetingReminders.Place(promotion.meetingId(), promotion.practitionerId(),
                promotion.meetingTitle(), promotion.meetingKind(), promotion.startsAt(), promotion.endsAt(),
                promotion.timeZone()));
        tell(List.of(promotion.practitionerId()), Category.REGISTRATION,
                "A place has opened up for you: " + promotion.meetingTitle(), person -> """
                        Hello %s,

                        Good news: a place has opened up at %s (%s) and it is now yours. You have moved off the
                        waitlist and your registration is confirmed.

                        When: %s

                        If you cannot come after all, please cancel your registration in the portal so that the
                        next person on the waitlist can have your place.

                        The Exchange team
                        """.formatted(person.greetingName(), promotion.meetingTitle(),
                        Wording.kind(promotion.meetingKind()),
                        Wording.when(promotion.startsAt(), promotion.endsAt(), promotion.timeZone())),
                event);
    }

    private void outcomePublished(OutcomePublished outcome, EventMetadata event) {
        news.save(new ProgrammeNews.Item(outcome.outcomeId(), ProgrammeNews.Kind.OUTCOME, outcome.networkId(),
                outcome.title(), outcome.summary(), null, outcome.subjectArea(),
                outcome.publishedAt() == null ? event.time() : outcome.publishedAt(), false));
        Set<UUID> people = new LinkedHashSet<>(outcome.groupMemberIds() == null ? List.of() : outcome.groupMemberIds());
        if (outcome.publishedBy() != null) {
            people.add(outcome.publishedBy());
        }
        String authors = outcome.authorNames() == null || outcome.authorNames().isEmpty()
                ? "" : "By:      " + String.join(", ", outcome.authorNames()) + "\n";
        String licence = outcome.licence() == null ? "" : "Licence: " + outcome.licence() + "\n";
        String link = outcome.linkUrl() == null ? "" : "Link:    " + outcome.linkUrl() + "\n";
        tell(people, Category.OUTCOME, "Published: " + outcome.title(), person -> """
                Hello %s,

                The %s "%s" is now published in the public outcomes library, where anyone can find it.

                %s

                %s%s%s
                When you share it with colleagues, inside or outside your organisation, please record it in the
                portal: every dissemination counts.

                The Exchange team
                """.formatted(person.greetingName(), Wording.kind(outcome.kind()), outcome.title(),
                outcome.summary() == null ? "" : outcome.summary(), authors, licence, link),
                event);
    }

    /** Notifies each person named once, even when a list names them twice. */
    private void tell(Collection<UUID> people, Category category, String title, Function<Recipient, String> body,
            EventMetadata event) {
        if (people == null) {
            return;
        }
        people.stream().filter(Objects::nonNull).distinct()
                .forEach(person -> notifier.notify(person, category, title, body, event.id()));
    }

    private static String where(String venueName, String onlineUrl) {
        if (venueName != null && !venueName.isBlank()) {
            return onlineUrl == null || onlineUrl.isBlank() ? venueName : venueName + ", or online at " + onlineUrl;
        }
        return onlineUrl == null || onlineUrl.isBlank() ? "to be confirmed" : "online at " + onlineUrl;
    }
}

package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.exchange.DiscussionPostAdded;
import org.exchange.contracts.exchange.EnquiryAnswered;
import org.exchange.contracts.exchange.MeetingCancelled;
import org.exchange.contracts.exchange.MeetingRescheduled;
import org.exchange.contracts.exchange.MeetingScheduled;
import org.exchange.contracts.exchange.OutcomePublished;
import org.exchange.contracts.exchange.RegistrationConfirmed;
import org.exchange.contracts.exchange.RegistrationWaitlisted;
import org.exchange.contracts.exchange.WaitlistPromoted;
import org.junit.jupiter.api.Test;

class ExchangeNoticesTest extends NotificationIntegrationTest {

    // 16:00 to 18:00 in London on a winter day
    private static final Instant STARTS = Instant.parse("2026-12-03T16:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-12-03T18:00:00Z");

    @Test
    void aCancelledMeetingIsToldOnceToEveryoneRegisteredEvenWhenRedelivered() throws Exception {
        Person registered = registeredPractitioner("Ada");
        Person waitlisted = registeredPractitioner("Alan");
        UUID withoutAddress = UUID.randomUUID();
        UUID meeting = UUID.randomUUID();

        var cancelled = publish(event(new MeetingCancelled(meeting, UUID.randomUUID(), UUID.randomUUID(),
                "GROUP_MEETING", "Maths group: fractions trial review", STARTS, "Europe/London",
                "The venue flooded", List.of(registered.id(), waitlisted.id(), registered.id(), withoutAddress),
                Instant.now()), meeting));

        String subject = "Cancelled: Maths group: fractions trial review";
        String text = awaitOneMail(registered.email(), subject).text();
        assertThat(text).contains("Hello Ada", "Thursday 3 December 2026, 16:00 (UK time)", "The venue flooded");
        awaitOneMail(waitlisted.email(), subject);
        oneFeedEntry(registered.id(), subject, "MEETING");
        oneFeedEntry(waitlisted.id(), subject, "MEETING");
        // someone notification-service has no address for still finds it in their feed
        oneFeedEntry(withoutAddress, subject, "MEETING");

        redeliver(cancelled);
        assertThat(feedEntriesFor(cancelled)).isEqualTo(3);
        assertThat(mailsQueuedFor(cancelled)).isEqualTo(2);
        assertThat(mails(registered.email(), subject)).hasSize(1);
    }

    @Test
    void aRescheduledMeetingTellsThoseRegisteredTheOldAndTheNewTime() throws Exception {
        Person registered = registeredPractitioner("Grace");
        UUID meeting = UUID.randomUUID();

        var rescheduled = publish(event(new MeetingRescheduled(meeting, UUID.randomUUID(), null, "DEVELOPMENT_DAY",
                "Winter development day", STARTS, STARTS.plusSeconds(7 * 24 * 3600), ENDS.plusSeconds(7 * 24 * 3600),
                "Europe/London", UUID.randomUUID(), "Westmid College, Hall Green campus", null, 2,
                List.of(registered.id()), Instant.now()), meeting));

        String subject = "Moved: Winter development day";
        assertThat(awaitOneMail(registered.email(), subject).text()).contains("development day",
                "Was:   Thursday 3 December 2026, 16:00 (UK time)",
                "Now:   Thursday 10 December 2026, 16:00 to 18:00 (UK time)", "Westmid College, Hall Green campus");
        oneFeedEntry(registered.id(), subject, "MEETING");

        redeliver(rescheduled);
        assertThat(mailsQueuedFor(rescheduled)).isEqualTo(1);
        assertThat(feedEntries(registered.id(), subject)).hasSize(1);
    }

    @Test
    void aConfirmedRegistrationIsToldToThePersonRegistered() throws Exception {
        Person person = registeredPractitioner("Mary");
        UUID meeting = UUID.randomUUID();

        var confirmed = publish(event(new RegistrationConfirmed(meeting, person.id(), "ESOL group meeting",
                "GROUP_MEETING", STARTS, ENDS, "Europe/London", Instant.now()), meeting));

        String subject = "Your place is confirmed: ESOL group meeting";
        assertThat(awaitOneMail(person.email(), subject).text()).contains("Hello Mary",
                "Thursday 3 December 2026, 16:00 to 18:00 (UK time)");
        oneFeedEntry(person.id(), subject, "REGISTRATION");

        redeliver(confirmed);
        assertThat(mailsQueuedFor(confirmed)).isEqualTo(1);
        assertThat(feedEntries(person.id(), subject)).hasSize(1);
    }

    @Test
    void goingOntoAWaitlistIsConfirmedWithThePositionByMailAndInTheFeed() throws Exception {
        Person person = registeredPractitioner("Ida");
        UUID meeting = UUID.randomUUID();

        var waitlisted = publish(event(new RegistrationWaitlisted(meeting, person.id(), "Winter development day",
                "DEVELOPMENT_DAY", STARTS, ENDS, "Europe/London", 3, Instant.now()), meeting));

        String subject = "You are on the waitlist: Winter development day";
        assertThat(awaitOneMail(person.email(), subject).text()).contains("Hello Ida",
                "number 3 on the waitlist", "Thursday 3 December 2026, 16:00 to 18:00 (UK time)");
        assertThat(oneFeedEntry(person.id(), subject, "REGISTRATION")).contains("number 3 on the waitlist");
        // waiting is not a place: nobody on the waitlist is reminded
        assertThat(jdbc.sql("select count(*) from meeting_reminder where meeting_id = :meeting")
                .param("meeting", meeting).query(Integer.class).single()).isZero();

        redeliver(waitlisted);
        assertThat(mailsQueuedFor(waitlisted)).isEqualTo(1);
        assertThat(feedEntries(person.id(), subject)).hasSize(1);
    }

    @Test
    void aPromotionFromTheWaitlistTellsThePersonTheirPlace() throws Exception {
        Person person = registeredPractitioner("Katherine");
        UUID meeting = UUID.randomUUID();

        var promoted = publish(event(new WaitlistPromoted(meeting, person.id(), "SEND thematic group",
                "GROUP_MEETING", STARTS, ENDS, "Europe/London", Instant.now()), meeting));

        String subject = "A place has opened up for you: SEND thematic group";
        assertThat(awaitOneMail(person.email(), subject).text()).contains("it is now yours", "waitlist");
        oneFeedEntry(person.id(), subject, "REGISTRATION");

        redeliver(promoted);
        assertThat(mailsQueuedFor(promoted)).isEqualTo(1);
        assertThat(feedEntries(person.id(), subject)).hasSize(1);
    }

    @Test
    void aScheduledGroupMeetingIsToldToTheGroupsMembers() throws Exception {
        Person member = registeredPractitioner("Rosalind");
        UUID meeting = UUID.randomUUID();

        var scheduled = publish(event(new MeetingScheduled(meeting, UUID.randomUUID(), UUID.randomUUID(),
                "GROUP_MEETING", "Digital skills: second meeting", STARTS, ENDS, "Europe/London", null, null,
                "https://meet.example.test/digital", 12, null, List.of(member.id()), Instant.now()), meeting));

        String subject = "New group meeting: Digital skills: second meeting";
        assertThat(awaitOneMail(member.email(), subject).text()).contains("scheduled for your group",
                "online at https://meet.example.test/digital", "Places are limited to 12");
        oneFeedEntry(member.id(), subject, "MEETING");

        redeliver(scheduled);
        assertThat(mailsQueuedFor(scheduled)).isEqualTo(1);
    }

    @Test
    void aScheduledNetworkEventThatNamesNobodyNotifiesNobody() throws Exception {
        UUID meeting = UUID.randomUUID();

        var scheduled = publishAndAwait(new MeetingScheduled(meeting, UUID.randomUUID(), null, "LAUNCH_EVENT",
                "West Midlands launch", STARTS, ENDS, "Europe/London", UUID.randomUUID(), "Birmingham Library",
                null, 120, null, List.of(), Instant.now()), meeting);

        assertThat(feedEntriesFor(scheduled)).isZero();
        assertThat(mailsQueuedFor(scheduled)).isZero();
    }

    @Test
    void aPublishedOutcomeReachesTheGroupsMembersAndItsPublisher() throws Exception {
        Person member = registeredPractitioner("Dorothy");
        Person publisher = registeredPractitioner("Barbara");
        UUID outcome = UUID.randomUUID();

        var published = publish(event(new OutcomePublished(outcome, UUID.randomUUID(), UUID.randomUUID(), "CASE_STUDY",
                "Fractions with bar models", "What worked when we trialled bar models with adult learners.",
                "maths", "CC BY 4.0", "https://library.example.test/fractions", List.of("D. Hodgkin", "B. Liskov"),
                List.of(member.id()), publisher.id(), Instant.now()), outcome));

        String subject = "Published: Fractions with bar models";
        assertThat(awaitOneMail(member.email(), subject).text()).contains("case study", "D. Hodgkin, B. Liskov",
                "CC BY 4.0", "https://library.example.test/fractions");
        awaitOneMail(publisher.email(), subject);
        oneFeedEntry(member.id(), subject, "OUTCOME");
        oneFeedEntry(publisher.id(), subject, "OUTCOME");

        redeliver(published);
        assertThat(mailsQueuedFor(published)).isEqualTo(2);
    }

    @Test
    void aMentionIsMailedAndANewThreadReachesTheGroupsOtherMembersInTheirFeedOnlyOnceEach() throws Exception {
        Person author = registeredPractitioner("Asha");
        Person mentioned = registeredPractitioner("Priya");
        Person member = registeredPractitioner("Femi");
        UUID thread = UUID.randomUUID();

        // the author mentions themselves too, and the mentioned person is also a member of the group
        var opened = publish(event(new DiscussionPostAdded(UUID.randomUUID(), thread, "Fractions with bar models",
                true, UUID.randomUUID(), "GROUP", UUID.randomUUID(), UUID.randomUUID(), author.id(),
                List.of(mentioned.id(), author.id()), List.of(mentioned.id(), member.id()), Instant.now()), thread));

        String mention = "You were mentioned in a discussion: Fractions with bar models";
        assertThat(awaitOneMail(mentioned.email(), mention).text()).contains("Hello Priya",
                "/groups/thread.html?id=" + thread);
        oneFeedEntry(mentioned.id(), mention, "MENTION");
        String newThread = "New thread in your group's discussion: Fractions with bar models";
        assertThat(oneFeedEntry(member.id(), newThread, "DISCUSSION")).contains("/groups/thread.html?id=" + thread);

        redeliver(opened);
        // the mentioned member and the other member, once each; nothing for the author
        assertThat(feedEntriesFor(opened)).isEqualTo(2);
        // new threads reach e-mail only for those who ask for it: only the mention is mailed
        assertThat(mailsQueuedFor(opened)).isEqualTo(1);
        assertThat(feedEntries(mentioned.id(), newThread)).isEmpty();
        assertThat(feed(author.id()).toString()).doesNotContain("Fractions with bar models");
    }

    @Test
    void aReplyThatMentionsNobodyIsNotToldOneByOne() throws Exception {
        Person member = registeredPractitioner("Dev");
        UUID thread = UUID.randomUUID();

        var reply = publishAndAwait(new DiscussionPostAdded(UUID.randomUUID(), thread, "Peer observation rota", false,
                UUID.randomUUID(), "GROUP", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of(),
                List.of(member.id()), Instant.now()), thread);

        assertThat(feedEntriesFor(reply)).isZero();
        assertThat(mailsQueuedFor(reply)).isZero();
    }

    @Test
    void theAnswerToAnEnquiryIsMailedToItsSenderWithItsTextExactlyOnceEvenWhenRedelivered() throws Exception {
        Person asker = registeredPractitioner("Nadia");
        UUID enquiry = UUID.randomUUID();

        var answered = publish(event(new EnquiryAnswered(enquiry, UUID.randomUUID(), asker.id(), UUID.randomUUID(),
                "West Midlands Professional Exchange", "Joining a maths group",
                "Yes: the Fractions group starts in January.", Instant.now()), enquiry));

        String subject = "Answer to your enquiry: Joining a maths group";
        assertThat(awaitOneMail(asker.email(), subject).text()).contains("Hello Nadia",
                "West Midlands Professional Exchange", "Yes: the Fractions group starts in January.",
                "/enquiries.html");
        assertThat(oneFeedEntry(asker.id(), subject, "ENQUIRY"))
                .contains("Yes: the Fractions group starts in January.");

        redeliver(answered);
        redeliver(answered);
        assertThat(mailsQueuedFor(answered)).isEqualTo(1);
        assertThat(feedEntriesFor(answered)).isEqualTo(1);
        assertThat(mails(asker.email(), subject)).hasSize(1);

        // a second reply to the same enquiry is another answer: mailed once too
        var again = publishAndAwait(new EnquiryAnswered(enquiry, UUID.randomUUID(), asker.id(), null, null,
                "Joining a maths group", "The first meeting is on 12 January.", Instant.now()), enquiry);
        assertThat(mailsQueuedFor(again)).isEqualTo(1);
        assertThat(feedEntries(asker.id(), subject)).hasSize(2);
    }
}

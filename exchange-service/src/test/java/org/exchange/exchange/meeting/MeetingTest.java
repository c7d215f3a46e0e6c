package org.exchange.exchange.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class MeetingTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant START = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void aMeetingThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new Meeting.Slot(START, START.minusSeconds(60), LONDON, null, "https://meet.test/a"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("end after it starts");
    }

    @Test
    void aMeetingNeedsAVenueOrAnOnlineLink() {
        assertThatThrownBy(() -> new Meeting.Slot(START, START.plusSeconds(3600), LONDON, null, " "))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMeetingIsScheduledInTheFuture() {
        assertThatThrownBy(() -> schedule(MeetingKind.LAUNCH_EVENT, null, null, slot(NOW.minusSeconds(60))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMeetingRecordedAfterwardsHasTakenPlaceAndKeepsItsDateWithWhoRecordedItAndWhen() {
        UUID admin = UUID.randomUUID();
        Instant past = Instant.parse("2018-05-10T15:00:00Z");

        Meeting meeting = Meeting.recordPast(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2018, 4, 1),
                MeetingKind.GROUP_MEETING, "Resilience: meeting 1", null, null, slot(past), 20, admin, NOW);

        assertThat(meeting.startsAt()).isEqualTo(past);
        assertThat(meeting.recordedAfterwards()).isEqualTo(new RecordedAfterwards(admin, NOW));
    }

    @Test
    void aMeetingStillToComeIsScheduledNotRecordedAfterwards() {
        assertThatThrownBy(() -> Meeting.recordPast(UUID.randomUUID(), null, null, MeetingKind.LAUNCH_EVENT, "Launch",
                null, null, slot(NOW.minusSeconds(60)), 20, UUID.randomUUID(), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ends before now")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("when.endsAt");
    }

    @Test
    void aGroupsMeetingRecordedAfterwardsIsNotBeforeTheGroupsPlannedStart() {
        assertThatThrownBy(() -> Meeting.recordPast(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2018, 4, 1),
                MeetingKind.GROUP_MEETING, "Too early", null, null, slot(Instant.parse("2018-03-31T15:00:00Z")), 20,
                UUID.randomUUID(), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2018-04-01")
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("when.startsAt");
    }

    @Test
    void aDevelopmentDayNeedsItsKeySpeaker() {
        assertThatThrownBy(() -> schedule(MeetingKind.DEVELOPMENT_DAY, null, null, slot(START)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("key speaker");
        assertThat(schedule(MeetingKind.DEVELOPMENT_DAY, null, "Professor Ann Other", slot(START)).keySpeaker())
                .isEqualTo("Professor Ann Other");
    }

    @Test
    void aGroupMeetingNeedsItsGroupAndANetworkEventHasNone() {
        assertThatThrownBy(() -> schedule(MeetingKind.GROUP_MEETING, null, null, slot(START)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> schedule(MeetingKind.LAUNCH_EVENT, UUID.randomUUID(), null, slot(START)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void reschedulingRaisesTheSequenceAndKeepsTheIdentity() {
        Meeting meeting = schedule(MeetingKind.GROUP_MEETING, UUID.randomUUID(), null, slot(START));

        Meeting moved = meeting.reschedule(slot(START.plus(Duration.ofDays(7))), NOW);

        assertThat(moved.id()).isEqualTo(meeting.id());
        assertThat(moved.sequence()).isEqualTo(meeting.sequence() + 1);
        assertThat(moved.startsAt()).isEqualTo(START.plus(Duration.ofDays(7)));
    }

    @Test
    void aCancelledMeetingCannotBeRescheduledOrRegisteredFor() {
        Meeting cancelled = schedule(MeetingKind.LAUNCH_EVENT, null, null, slot(START)).cancel("Snow", NOW);

        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThatThrownBy(() -> cancelled.reschedule(slot(START), NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cancelled.requireOpenForRegistration(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void attendanceIsRecordedOnlyOnceTheMeetingHasStarted() {
        Meeting meeting = schedule(MeetingKind.LAUNCH_EVENT, null, null, slot(START));

        assertThatThrownBy(() -> meeting.requireAttendable(NOW)).isInstanceOf(ConflictException.class);
        meeting.requireAttendable(START.plusSeconds(60));
    }

    private static Meeting.Slot slot(Instant start) {
        return new Meeting.Slot(start, start.plus(Duration.ofHours(2)), LONDON, null, "https://meet.test/exchange");
    }

    private static Meeting schedule(MeetingKind kind, UUID groupId, String keySpeaker, Meeting.Slot slot) {
        return Meeting.schedule(UUID.randomUUID(), groupId, kind, "West Midlands launch", null, keySpeaker, slot, 30,
                UUID.randomUUID(), NOW);
    }
}

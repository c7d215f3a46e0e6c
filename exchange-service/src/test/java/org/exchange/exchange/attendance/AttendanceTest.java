package org.exchange.exchange.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");

    final Attendance recorded = Attendance.record(UUID.randomUUID(), UUID.randomUUID(), "org-westmid-college",
            AttendanceRole.ATTENDEE, 120, 120, UUID.randomUUID(), NOW);

    @Test
    void nobodyAttendsLongerThanTheMeetingLasts() {
        assertThatThrownBy(() -> Attendance.record(UUID.randomUUID(), UUID.randomUUID(), null,
                AttendanceRole.ATTENDEE, 121, 120, UUID.randomUUID(), NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aCorrectionNeedsAReason() {
        assertThatThrownBy(() -> recorded.correct(AttendanceRole.OBSERVER, 60, 120, " ", UUID.randomUUID(), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reason");
    }

    @Test
    void aCorrectionKeepsTheAttendanceIdentity() {
        Attendance corrected = recorded.correct(AttendanceRole.OBSERVER, 60, 120, "Left at the break",
                UUID.randomUUID(), NOW.plusSeconds(600));

        assertThat(corrected.id()).isEqualTo(recorded.id());
        assertThat(corrected.role()).isEqualTo(AttendanceRole.OBSERVER);
        assertThat(corrected.minutes()).isEqualTo(60);
    }

    @Test
    void recordingTheSameAgainIsNoCorrection() {
        assertThat(recorded.differsFrom(AttendanceRole.ATTENDEE, 120)).isFalse();
        assertThat(recorded.differsFrom(AttendanceRole.ATTENDEE, 90)).isTrue();
    }
}

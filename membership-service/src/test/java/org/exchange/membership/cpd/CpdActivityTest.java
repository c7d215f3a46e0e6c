package org.exchange.membership.cpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.exchange.AttendanceRecorded;
import org.junit.jupiter.api.Test;

class CpdActivityTest {

    @Test
    void minutesAttendedBecomeHoursToTheHundredth() {
        assertThat(CpdActivity.hoursOf(90)).hasToString("1.50");
        assertThat(CpdActivity.hoursOf(50)).hasToString("0.83");
    }

    @Test
    void aMeetingCountsOnItsDayInTheUkAndKindsAddedLaterCountAsOther() {
        AttendanceRecorded lateEvening = new AttendanceRecorded(UUID.randomUUID(), UUID.randomUUID(), null,
                UUID.randomUUID(), UUID.randomUUID(), null, "ATTENDEE", 60, "Summer social", "GARDEN_PARTY",
                Instant.parse("2027-06-30T23:30:00Z"), Instant.now(), false);

        CpdActivity activity = CpdActivity.attended(lateEvening, null, Instant.now());

        assertThat(activity.occurredOn()).hasToString("2027-07-01");
        assertThat(activity.type()).isEqualTo(CpdType.OTHER);
    }
}

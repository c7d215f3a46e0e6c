package org.exchange.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.exchange.notification.preference.DigestFrequency;
import org.junit.jupiter.api.Test;

class DigestPeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime SEVEN = LocalTime.of(7, 0);

    private static DigestPeriod at(String instant, DigestFrequency frequency) {
        return DigestPeriod.at(Instant.parse(instant), frequency, LONDON, SEVEN, DayOfWeek.MONDAY);
    }

    @Test
    void aDayRunsFromOneMorningsSendingTimeToTheNextInLondon() {
        assertThat(at("2026-12-02T06:59:59Z", DigestFrequency.DAILY).key()).isEqualTo("DAILY 2026-12-01");
        DigestPeriod wednesday = at("2026-12-02T07:00:00Z", DigestFrequency.DAILY);
        assertThat(wednesday.key()).isEqualTo("DAILY 2026-12-02");
        assertThat(wednesday.startsAt()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        assertThat(wednesday.lookBackFrom()).isEqualTo(Instant.parse("2026-11-30T07:00:00Z"));
    }

    @Test
    void inSummerTheMorningIsSevenOClockBritishSummerTime() {
        assertThat(at("2026-07-01T06:30:00Z", DigestFrequency.DAILY).startsAt())
                .isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
    }

    @Test
    void aWeekRunsFromMondayMorningToTheNextAndMondayBeforeSevenIsStillTheWeekBefore() {
        DigestPeriod tuesday = at("2026-12-01T10:00:00Z", DigestFrequency.WEEKLY);
        assertThat(tuesday.key()).isEqualTo("WEEKLY 2026-11-30");
        assertThat(tuesday.lookBackFrom()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
        assertThat(at("2026-12-07T06:00:00Z", DigestFrequency.WEEKLY).key()).isEqualTo("WEEKLY 2026-11-30");
        assertThat(at("2026-12-07T07:00:00Z", DigestFrequency.WEEKLY).key()).isEqualTo("WEEKLY 2026-12-07");
    }
}

package org.exchange.notification.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.exchange.notification.preference.DigestFrequency;

/**
 * The digest period a moment falls in: a day from one morning's sending time to the next, or a week from one
 * sending day's morning to the next. A person's digest for a period holds the posts that arrived before it began and
 * were in none of their earlier digests; posts that arrive during it wait for the next one.
 *
 * @param key names the period in the unique key of a person's digests, such as {@code WEEKLY 2026-11-30}
 * @param startsAt when the period began: its digests take the posts received before it
 * @param lookBackFrom how far back a digest looks for posts: a whole period and a day of grace before it began, so a
 *     post committed late still makes the next one, and someone who has just switched the digest on is not sent the
 *     space's whole history
 */
record DigestPeriod(DigestFrequency frequency, String key, Instant startsAt, Instant lookBackFrom) {

    /** The period of this frequency that {@code now} falls in. */
    static DigestPeriod at(Instant now, DigestFrequency frequency, ZoneId zone, LocalTime sendAt,
            DayOfWeek weeklyOn) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return switch (frequency) {
            case DAILY -> {
                LocalDate day = today.atTime(sendAt).atZone(zone).toInstant().isAfter(now) ? today.minusDays(1) : today;
                Instant starts = day.atTime(sendAt).atZone(zone).toInstant();
                yield new DigestPeriod(frequency, "DAILY " + day, starts, starts.minus(Duration.ofDays(2)));
            }
            case WEEKLY -> {
                LocalDate day = today.with(TemporalAdjusters.previousOrSame(weeklyOn));
                if (day.atTime(sendAt).atZone(zone).toInstant().isAfter(now)) {
                    day = day.minusWeeks(1);
                }
                Instant starts = day.atTime(sendAt).atZone(zone).toInstant();
                yield new DigestPeriod(frequency, "WEEKLY " + day, starts, starts.minus(Duration.ofDays(8)));
            }
            case OFF -> throw new IllegalArgumentException("No digest is sent when it is off");
        };
    }
}

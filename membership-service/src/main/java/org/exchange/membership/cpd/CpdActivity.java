package org.exchange.membership.cpd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.membership.versioning.Versioned;

/**
 * One entry of a practitioner's CPD record.
 *
 * @param hours how long it took, to the hundredth of an hour
 * @param reflection what the practitioner took from it, or null
 * @param evidenceLink where evidence of it lives, or null
 * @param source who made the entry: the practitioner, or the platform from an attendance or an award
 * @param attendanceId the attendance it came from, so that a correction updates this entry rather than adding one
 * @param enrolmentId the award enrolment it came from
 * @param version the version it was read at (0 before it is first stored); each change raises it by one
 */
public record CpdActivity(
        UUID id,
        UUID practitionerId,
        CpdType type,
        String title,
        LocalDate occurredOn,
        BigDecimal hours,
        String reflection,
        String evidenceLink,
        Source source,
        UUID attendanceId,
        UUID enrolmentId,
        Instant recordedAt,
        long version) implements Versioned {

    /** Meetings happen in the UK: the day a meeting counts for is its day there. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/London");

    /** Who made an entry. */
    public enum Source { SELF, ATTENDANCE, AWARD }

    /** Whether the practitioner wrote a reflection on it. */
    public boolean hasReflection() {
        return reflection != null && !reflection.isBlank();
    }

    static CpdActivity logged(UUID id, UUID practitionerId, Details details, Instant now) {
        return new CpdActivity(id, practitionerId, details.type(), details.title(), details.occurredOn(),
                details.hours(), details.reflection(), details.evidenceLink(), Source.SELF, null, null, now, 0);
    }

    /** The entry for an attended meeting; {@code existing} is the entry of an earlier version of the attendance. */
    static CpdActivity attended(AttendanceRecorded attendance, CpdActivity existing, Instant now) {
        return new CpdActivity(existing == null ? UUID.randomUUID() : existing.id(), attendance.practitionerId(),
                CpdType.ofMeetingKind(attendance.meetingKind()), attendance.meetingTitle(),
                attendance.meetingStartsAt().atZone(PROGRAMME_ZONE).toLocalDate(), hoursOf(attendance.minutes()),
                existing == null ? null : existing.reflection(), existing == null ? null : existing.evidenceLink(),
                Source.ATTENDANCE, attendance.attendanceId(), null, now, existing == null ? 0 : existing.version());
    }

    /** The milestone of an ILM award; no hours of its own, the work leading to it was recorded as it happened. */
    static CpdActivity awarded(AwardCompleted award, Instant now) {
        return new CpdActivity(UUID.randomUUID(), award.practitionerId(), CpdType.AWARD,
                "Awarded: " + award.programmeTitle(), award.awardedOn(), BigDecimal.ZERO.setScale(2), null, null,
                Source.AWARD, null, award.enrolmentId(), now, 0);
    }

    CpdActivity change(Details details) {
        return new CpdActivity(id, practitionerId, details.type(), details.title(), details.occurredOn(),
                details.hours(), details.reflection(), details.evidenceLink(), source, attendanceId, enrolmentId,
                recordedAt, version);
    }

    CpdActivity reflect(String reflectionText, String link) {
        return new CpdActivity(id, practitionerId, type, title, occurredOn, hours, reflectionText, link, source,
                attendanceId, enrolmentId, recordedAt, version);
    }

    static BigDecimal hoursOf(int minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** What a practitioner records about an activity. */
    public record Details(CpdType type, String title, LocalDate occurredOn, BigDecimal hours, String reflection,
            String evidenceLink) {
    }
}

package org.exchange.membership.cpd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.membership.cpd.CpdActivity.Details;
import org.exchange.membership.cpd.CpdActivity.Source;
import org.exchange.membership.versioning.ExpectedVersion;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of a practitioner's CPD record. */
@Service
public class CpdService {

    private final CpdActivities activities;
    private final AuditTrail audit;
    private final Clock clock;

    CpdService(CpdActivities activities, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.activities = activities;
        this.clock = clock;
    }

    /** The practitioner logs an activity of their own. */
    @Transactional
    public CpdActivity log(UUID practitionerId, Details details) {
        requireNotInFuture(details.occurredOn());
        return activities.save(CpdActivity.logged(UUID.randomUUID(), practitionerId, details, clock.instant()));
    }

    /** One of the practitioner's activities, with the version it is at. */
    @Transactional(readOnly = true)
    public CpdActivity activity(UUID practitionerId, UUID activityId) {
        return own(practitionerId, activityId);
    }

    /** The practitioner changes an activity they logged themselves. */
    @Transactional
    public CpdActivity change(UUID practitionerId, UUID activityId, ExpectedVersion expected, Details details) {
        CpdActivity current = own(practitionerId, activityId, expected);
        if (current.source() != Source.SELF) {
            throw new ConflictException("This activity came from the platform; only its reflection can be changed");
        }
        requireNotInFuture(details.occurredOn());
        return activities.save(current.change(details));
    }

    /** The practitioner writes or changes their reflection on any of their activities, attended meetings included. */
    @Transactional
    public CpdActivity reflect(UUID practitionerId, UUID activityId, ExpectedVersion expected, String reflection,
            String evidenceLink) {
        return activities.save(own(practitionerId, activityId, expected).reflect(reflection, evidenceLink));
    }

    /** The practitioner removes an activity they logged themselves. */
    @Transactional
    public void remove(Caller caller, UUID activityId, ExpectedVersion expected) {
        CpdActivity current = own(caller.subjectId(), activityId, expected);
        if (current.source() != Source.SELF) {
            throw new ConflictException("This activity came from the platform and cannot be removed here");
        }
        activities.delete(activityId, current.version());
        audit.record(caller, "cpd-activity.removed", Subject.ofPerson("cpd-activity", activityId, caller.subjectId()),
                caller.organisationId(), current, null);
    }

    /** A practitioner's CPD between two days, both included. */
    @Transactional(readOnly = true)
    public CpdSummary summary(UUID practitionerId, LocalDate from, LocalDate to) {
        return CpdSummary.of(from, to, activities.of(practitionerId, from, to));
    }

    /** A practitioner's CPD over a calendar year. */
    @Transactional(readOnly = true)
    public CpdSummary yearSummary(UUID practitionerId, int year) {
        return summary(practitionerId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Every activity of a practitioner, for their data export. */
    @Transactional(readOnly = true)
    public List<CpdActivity> allOf(UUID practitionerId) {
        return activities.allOf(practitionerId);
    }

    /**
     * An attended meeting enters the attendee's CPD record. A correction (same attendance id) updates the entry it
     * made, keeping the attendee's reflection; a correction to zero minutes removes it.
     */
    @Transactional
    public void attendanceRecorded(AttendanceRecorded attendance) {
        CpdActivity existing = activities.ofAttendance(attendance.attendanceId()).orElse(null);
        if (attendance.minutes() <= 0) {
            if (existing != null) {
                activities.delete(existing.id());
            }
            return;
        }
        activities.save(CpdActivity.attended(attendance, existing, clock.instant()));
    }

    /** An ILM award enters the holder's CPD record as a milestone, once. */
    @Transactional
    public void awardCompleted(AwardCompleted award) {
        activities.addIfAbsent(CpdActivity.awarded(award, clock.instant()));
    }

    /** Drops what the practitioner wrote; the hours stay and keep counting anonymously. */
    @Transactional
    public void erasePersonalData(UUID practitionerId) {
        activities.erasePersonalData(practitionerId);
    }

    private CpdActivity own(UUID practitionerId, UUID activityId, ExpectedVersion expected) {
        CpdActivity current = own(practitionerId, activityId);
        expected.check(current.version(), "this CPD activity");
        return current;
    }

    private CpdActivity own(UUID practitionerId, UUID activityId) {
        return activities.find(activityId)
                .filter(activity -> activity.practitionerId().equals(practitionerId))
                .orElseThrow(() -> new NotFoundException("There is no CPD activity " + activityId + " of yours"));
    }

    private void requireNotInFuture(LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("A CPD activity cannot be logged before it happens");
        }
    }
}

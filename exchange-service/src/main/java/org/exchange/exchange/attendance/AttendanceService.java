package org.exchange.exchange.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exchange.contracts.exchange.AttendanceRecorded;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Person;
import org.exchange.exchange.history.HistoryRules;
import org.exchange.exchange.meeting.Meeting;
import org.exchange.exchange.meeting.MeetingService;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of attendance: recording it, correcting it with a reason, and who may see it. */
@Service
public class AttendanceService {

    private final Attendances attendances;
    private final MeetingService meetings;
    private final Directory directory;
    private final IntegrationEvents events;
    private final HistoryRules history;
    private final AuditTrail audit;
    private final Clock clock;

    AttendanceService(Attendances attendances, MeetingService meetings, Directory directory,
            IntegrationEvents events, HistoryRules history, AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.attendances = attendances;
        this.meetings = meetings;
        this.directory = directory;
        this.events = events;
        this.history = history;
        this.clock = clock;
    }

    /** One person's attendance as the facilitator states it. */
    public record Line(UUID practitionerId, AttendanceRole role, int minutes) {
    }

    /** A named guest's attendance as the facilitator states it. */
    public record GuestLine(String name, AttendanceRole role, int minutes) {
    }

    /** A meeting's register after recording: practitioners' attendance and named guests. */
    public record Register(List<Attendance> attendances, List<Guest> guests) {
    }

    /** One version of an attendance: the first record or a correction. */
    public record Revision(AttendanceRole role, int minutes, boolean correction, String reason, UUID recordedBy,
            Instant recordedAt) {
    }

    /**
     * The facilitator records who attended; a line that changes what was recorded before is a correction and needs
     * the reason, kept in the history. Each new or changed line publishes {@link AttendanceRecorded}, which counts
     * towards the person's CPD. Only the group's members and facilitators and the meeting's registrants (for a
     * network event, its registrants) are recorded by practitioner id; anyone else is a named guest, recorded on the
     * register with no event and no CPD. At a meeting recorded afterwards (programme history) the attendance is
     * marked so too, and a facilitator records it only within {@link HistoryRules#facilitatorDays()} days of the
     * meeting, as they record the meeting itself.
     *
     * @return the attendance as it stands after this call, for the lines given
     */
    @Transactional
    public Register record(UUID meetingId, List<Line> lines, List<GuestLine> guestLines, String correctionReason,
            Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        meetings.requireCanRun(meeting, caller);
        Instant now = clock.instant();
        meeting.requireAttendable(now);
        boolean afterwards = meeting.recordedAfterwards() != null;
        if (afterwards) {
            // requireCanRun let through only programme admins and the group's facilitators
            history.requireMayRecord(caller, true, meeting.endsAt(), now);
        }
        if (lines.isEmpty() && guestLines.isEmpty()) {
            throw new InvalidRequestException("Name at least one attendee or guest");
        }
        Set<UUID> seen = new HashSet<>();
        for (Line line : lines) {
            if (!seen.add(line.practitionerId())) {
                throw new InvalidRequestException("Each person appears once; " + line.practitionerId() + " twice");
            }
        }
        Set<String> guestNames = new HashSet<>();
        for (GuestLine guest : guestLines) {
            if (!guestNames.add(guest.name().strip())) {
                throw new InvalidRequestException("Each guest appears once; " + guest.name().strip() + " twice");
            }
        }
        Set<UUID> expected = meetings.expectedAttendees(meeting);
        // the register is read, and written, a statement at a time for all its lines, not a statement per line
        Map<UUID, Attendance> recorded = attendances.find(meetingId, seen);
        Set<UUID> firstRecorded = new HashSet<>(seen);
        firstRecorded.removeAll(recorded.keySet());
        Map<UUID, Person> people = directory.people(firstRecorded);
        List<Attendance> result = new ArrayList<>();
        List<Attendances.Version> changed = new ArrayList<>();
        for (Line line : lines) {
            Attendance existing = recorded.get(line.practitionerId());
            if (existing == null && !expected.contains(line.practitionerId())) {
                throw new InvalidRequestException(("%s is not a member of this group nor registered for this meeting: "
                        + "record them as a guest, by name").formatted(line.practitionerId()));
            }
            if (existing == null) {
                Person person = people.get(line.practitionerId());
                Attendance first = Attendance.record(meetingId, line.practitionerId(),
                        person == null ? null : person.organisationId(), line.role(), line.minutes(),
                        meeting.durationMinutes(), caller.subjectId(), now);
                Attendance attendance = afterwards ? first.asRecordedAfterwards() : first;
                changed.add(new Attendances.Version(attendance, false, null));
                result.add(attendance);
            } else if (existing.differsFrom(line.role(), line.minutes())) {
                Attendance corrected = existing.correct(line.role(), line.minutes(), meeting.durationMinutes(),
                        correctionReason, caller.subjectId(), now);
                changed.add(new Attendances.Version(corrected, true, correctionReason.strip()));
                result.add(corrected);
            } else {
                result.add(existing);
            }
        }
        attendances.save(changed);
        for (Attendances.Version version : changed) {
            Attendance attendance = version.attendance();
            if (version.correction()) {
                Attendance before = recorded.get(attendance.practitionerId());
                audit.record(caller, "attendance.corrected", Subject.ofPerson("attendance", attendance.id(),
                        attendance.practitionerId()), attendance.organisationId(), audited(before, null),
                        audited(attendance, version.reason()));
            }
            publish(attendance, meeting, version.correction());
        }
        List<Guest> guests = new ArrayList<>();
        for (GuestLine line : guestLines) {
            Guest guest = Guest.record(meetingId, line.name(), line.role(), line.minutes(), meeting.durationMinutes(),
                    caller.subjectId(), now, afterwards);
            attendances.saveGuest(guest);
            guests.add(guest);
        }
        return new Register(result, guests);
    }

    /** The named guests at a meeting, for those who run it. */
    @Transactional(readOnly = true)
    public List<Guest> guests(UUID meetingId, Caller caller) {
        meetings.requireCanRun(meetings.get(meetingId), caller);
        return attendances.guestsOf(meetingId);
    }

    /**
     * Attendance at a meeting: all of it for those who run the meeting, their own organisation's staff only for an
     * org-admin.
     */
    @Transactional(readOnly = true)
    public List<Attendance> ofMeeting(UUID meetingId, Caller caller) {
        Meeting meeting = meetings.get(meetingId);
        if (meetings.canRun(meeting, caller)) {
            return attendances.ofMeeting(meetingId, null);
        }
        if (caller.hasRole(Caller.ROLE_ORG_ADMIN) && caller.organisationId() != null) {
            return attendances.ofMeeting(meetingId, caller.organisationId());
        }
        throw new ForbiddenException(
                "Attendance is seen by those who run the meeting and by org-admins for their own staff");
    }

    /** An organisation's staff's attendance: for that organisation's org-admins and for programme admins. */
    @Transactional(readOnly = true)
    public List<Attendance> ofOrganisation(String organisationId, Caller caller) {
        boolean ownOrgAdmin = caller.hasRole(Caller.ROLE_ORG_ADMIN) && caller.belongsTo(organisationId);
        if (!ownOrgAdmin && !caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("An org-admin sees the attendance of their own organisation's staff only");
        }
        return attendances.ofOrganisation(organisationId);
    }

    /** Every version of a person's attendance at a meeting, for those who run it. */
    @Transactional(readOnly = true)
    public List<Revision> history(UUID meetingId, UUID practitionerId, Caller caller) {
        meetings.requireCanRun(meetings.get(meetingId), caller);
        Attendance attendance = attendances.find(meetingId, practitionerId)
                .orElseThrow(() -> new NotFoundException("No attendance of " + practitionerId + " recorded here"));
        return attendances.history(attendance.id());
    }

    /** What the audit trail keeps of a line of attendance: the meeting, the role and minutes, and why it changed. */
    private static Map<String, Object> audited(Attendance attendance, String reason) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("meetingId", attendance.meetingId());
        state.put("role", attendance.role());
        state.put("minutes", attendance.minutes());
        if (reason != null) {
            state.put("reason", reason);
        }
        return state;
    }

    private void publish(Attendance attendance, Meeting meeting, boolean correction) {
        events.publish(meeting.id(), new AttendanceRecorded(attendance.id(), meeting.id(), meeting.groupId(),
                meeting.networkId(), attendance.practitionerId(), attendance.organisationId(),
                attendance.role().name(), attendance.minutes(), meeting.title(), meeting.kind().name(),
                meeting.startsAt(), attendance.recordedAt(), correction, attendance.recordedAfterwards()));
    }
}

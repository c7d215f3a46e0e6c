package org.exchange.exchange.attendance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.directory.Directory;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Attendance at meetings: recorded and corrected by facilitators, seen by org-admins for their own staff. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Attendance")
class AttendanceController {

    private final AttendanceService attendance;
    private final Directory directory;

    AttendanceController(AttendanceService attendance, Directory directory) {
        this.attendance = attendance;
        this.directory = directory;
    }

    @PutMapping("/meetings/{id}/attendance")
    @Operation(summary = "Record attendance, or correct it with a reason "
            + "(the group's facilitators or a programme admin)")
    List<AttendanceView> record(@PathVariable UUID id, @Valid @RequestBody RecordAttendance body, Caller caller) {
        AttendanceService.Register register = attendance.record(id, body.attendees().stream()
                .map(line -> new AttendanceService.Line(line.practitionerId(), line.role(), line.minutes()))
                .toList(), body.guests().stream()
                .map(guest -> new AttendanceService.GuestLine(guest.name(), guest.role(), guest.minutes()))
                .toList(), body.correctionReason(), caller);
        List<AttendanceView> views = new ArrayList<>(views(register.attendances()));
        views.addAll(guestViews(register.guests()));
        return views;
    }

    @GetMapping("/meetings/{id}/guests")
    @Operation(summary = "The named guests at a meeting, who earn no CPD (those who run the meeting)")
    List<AttendanceView> guests(@PathVariable UUID id, Caller caller) {
        return guestViews(attendance.guests(id, caller));
    }

    @GetMapping("/meetings/{id}/attendance")
    @Operation(summary = "Attendance at a meeting (those who run it; an org-admin sees their own staff only)")
    List<AttendanceView> ofMeeting(@PathVariable UUID id, Caller caller) {
        return views(attendance.ofMeeting(id, caller));
    }

    @GetMapping("/meetings/{id}/attendance/{practitionerId}/history")
    @Operation(summary = "Every version of a person's attendance, corrections with their reasons")
    List<AttendanceService.Revision> history(@PathVariable UUID id, @PathVariable UUID practitionerId,
            Caller caller) {
        return attendance.history(id, practitionerId, caller);
    }

    @GetMapping("/organisations/{organisationId}/attendance")
    @Operation(summary = "Attendance of an organisation's staff (its org-admins, programme admins)")
    List<AttendanceView> ofOrganisation(@PathVariable String organisationId, Caller caller) {
        return views(attendance.ofOrganisation(organisationId, caller));
    }

    private List<AttendanceView> views(List<Attendance> attendances) {
        Map<UUID, String> names = directory.displayNames(attendances.stream().map(Attendance::practitionerId).toList());
        return attendances.stream().map(a -> new AttendanceView(a.id(), a.meetingId(), a.practitionerId(),
                names.get(a.practitionerId()), a.organisationId(), a.role(), a.minutes(), a.recordedBy(),
                a.recordedAt(), false, a.recordedAfterwards())).toList();
    }

    private static List<AttendanceView> guestViews(List<Guest> guests) {
        return guests.stream().map(g -> new AttendanceView(g.id(), g.meetingId(), null, g.name(), null, g.role(),
                g.minutes(), g.recordedBy(), g.recordedAt(), true, g.recordedAfterwards())).toList();
    }

    /**
     * Who attended, in what role and for how long; a correction of earlier lines needs a reason. Attendees are the
     * group's members and facilitators and the meeting's registrants; anyone else is a named guest.
     */
    record RecordAttendance(@Size(max = 500) List<@Valid @NotNull Line> attendees,
            @Size(max = 100) List<@Valid @NotNull GuestLine> guests,
            @Size(max = 1000) String correctionReason) {

        RecordAttendance {
            attendees = attendees == null ? List.of() : attendees;
            guests = guests == null ? List.of() : guests;
        }
    }

    /** One person's attendance. */
    record Line(@NotNull UUID practitionerId, @NotNull AttendanceRole role, @Min(0) int minutes) {
    }

    /** A named guest's attendance: no practitioner id, no CPD. */
    record GuestLine(@NotBlank @Size(max = 200) String name, @NotNull AttendanceRole role, @Min(0) int minutes) {
    }

    /**
     * Attendance as shown to those allowed to see it.
     *
     * @param recordedBy who recorded it (or its latest correction), at {@code recordedAt}
     * @param guest whether this is a named guest (no practitioner id, no CPD)
     * @param recordedAfterwards whether it is at a meeting recorded after it took place, as programme history
     */
    record AttendanceView(UUID id, UUID meetingId, UUID practitionerId, String displayName, String organisationId,
            AttendanceRole role, int minutes, UUID recordedBy, Instant recordedAt, boolean guest,
            boolean recordedAfterwards) {
    }
}

package org.exchange.exchange.attendance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
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
        return views(attendance.record(id, body.attendees().stream()
                .map(line -> new AttendanceService.Line(line.practitionerId(), line.role(), line.minutes()))
                .toList(), body.correctionReason(), caller));
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
                names.get(a.practitionerId()), a.organisationId(), a.role(), a.minutes(), a.recordedAt())).toList();
    }

    /** Who attended, in what role and for how long; a correction of earlier lines needs a reason. */
    record RecordAttendance(@NotEmpty @Size(max = 500) List<@Valid @NotNull Line> attendees,
            @Size(max = 1000) String correctionReason) {
    }

    /** One person's attendance. */
    record Line(@NotNull UUID practitionerId, @NotNull AttendanceRole role, @Min(0) int minutes) {
    }

    /** Attendance as shown to those allowed to see it. */
    record AttendanceView(UUID id, UUID meetingId, UUID practitionerId, String displayName, String organisationId,
            AttendanceRole role, int minutes, Instant recordedAt) {
    }
}

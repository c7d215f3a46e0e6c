package org.exchange.membership.appointment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Programme admins appoint facilitators and assessors. */
@RestController
@RequestMapping("/api/membership/admin/appointments")
@Tag(name = "Appointments")
class AppointmentController {

    private final AppointmentService appointments;

    AppointmentController(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appoint a practitioner as facilitator or assessor (programme admin); the realm role "
            + "follows in the identity provider once the appointment is recorded")
    AppointmentView appoint(Caller caller, @Valid @RequestBody AppointmentRequest request) {
        return AppointmentView.of(appointments.appoint(caller, request.practitionerId(),
                AppointableRole.named(request.role())));
    }

    @DeleteMapping("/{practitionerId}/{role}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw an appointment (programme admin); the realm role is revoked once the withdrawal "
            + "is recorded")
    void withdraw(Caller caller, @PathVariable UUID practitionerId, @PathVariable String role) {
        appointments.withdraw(caller, practitionerId, AppointableRole.named(role));
    }

    @GetMapping
    @Operation(summary = "The appointments that hold now (programme admin)")
    List<AppointmentView> current(Caller caller) {
        return appointments.current(caller).stream().map(AppointmentView::of).toList();
    }

    /** Whom to appoint to what: role {@code FACILITATOR} or {@code ASSESSOR}. */
    record AppointmentRequest(@NotNull UUID practitionerId, @NotBlank String role) {
    }

    /** An appointment as the API shows it. */
    record AppointmentView(UUID id, UUID practitionerId, String role, UUID appointedBy, Instant appointedAt) {
        static AppointmentView of(Appointment appointment) {
            return new AppointmentView(appointment.id(), appointment.practitionerId(), appointment.role().name(),
                    appointment.appointedBy(), appointment.appointedAt());
        }
    }
}

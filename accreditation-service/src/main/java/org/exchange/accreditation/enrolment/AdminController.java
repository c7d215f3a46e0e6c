package org.exchange.accreditation.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.accreditation.enrolment.EnrolmentViews.AssessorView;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentSummary;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentView;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme admins: applications, coaches, panels and ILM's confirmation. */
@RestController
@RequestMapping("/api/accreditation/admin")
@Tag(name = "Administration")
class AdminController {

    private final EnrolmentService enrolments;

    AdminController(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @GetMapping("/enrolments")
    @Operation(summary = "Enrolments, optionally only those with a status (programme-admin)")
    List<EnrolmentSummary> list(@RequestParam(required = false) EnrolmentStatus status, Caller caller) {
        return enrolments.list(status, caller);
    }

    @PostMapping("/enrolments/{id}/accept")
    @Operation(summary = "Accept an application (prerequisite checked); the fee's invoice follows from "
            + "membership-service. enrolledOn defaults to today (programme-admin)")
    EnrolmentView accept(@PathVariable UUID id, @Valid @RequestBody(required = false) Acceptance body,
            Caller caller) {
        enrolments.accept(id, body == null ? null : body.enrolledOn(), caller);
        return enrolments.view(id, caller);
    }

    @PostMapping("/enrolments/{id}/decline")
    @Operation(summary = "Decline an application, with a reason (programme-admin)")
    EnrolmentView decline(@PathVariable UUID id, @Valid @RequestBody EnrolmentController.Reason body,
            Caller caller) {
        enrolments.decline(id, body.reason(), caller);
        return enrolments.view(id, caller);
    }

    @PutMapping("/enrolments/{id}/coach")
    @Operation(summary = "Assign the candidate's coach or mentor (programme-admin)")
    EnrolmentView coach(@PathVariable UUID id, @Valid @RequestBody CoachBody body, Caller caller) {
        enrolments.assignCoach(id, body.coachId(), caller);
        return enrolments.view(id, caller);
    }

    @GetMapping("/assessors")
    @Operation(summary = "People appointed assessor, with their organisation, for the panel picker (programme-admin)")
    List<AssessorView> assessors(Caller caller) {
        return enrolments.assessors(caller);
    }

    @PutMapping("/enrolments/{id}/panel")
    @Operation(summary = "Name the panel: one assessor from the academy, one from the candidate's organisation "
            + "(programme-admin)")
    EnrolmentView panel(@PathVariable UUID id, @Valid @RequestBody PanelBody body, Caller caller) {
        enrolments.namePanel(id, body.academyAssessorId(), body.organisationAssessorId(), caller);
        return enrolments.view(id, caller);
    }

    @PostMapping("/enrolments/{id}/award")
    @Operation(summary = "Record ILM's confirmation of a recommended candidate's award; publishes AwardCompleted "
            + "(programme-admin)")
    EnrolmentView award(@PathVariable UUID id, @Valid @RequestBody AwardBody body, Caller caller) {
        enrolments.award(id, body.confirmedOn(), body.ilmReference(), caller);
        return enrolments.view(id, caller);
    }

    /** The day the enrolment starts, when not today (a candidate who began before the platform recorded it). */
    record Acceptance(LocalDate enrolledOn) {
    }

    record CoachBody(@NotNull UUID coachId) {
    }

    record PanelBody(@NotNull UUID academyAssessorId, @NotNull UUID organisationAssessorId) {
    }

    /** ILM's confirmation: the day and ILM's reference for the award. */
    record AwardBody(@NotNull LocalDate confirmedOn, @NotBlank @Size(max = 100) String ilmReference) {
    }
}

package org.exchange.accreditation.enrolment;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentSummary;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentView;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applying to a programme, one's own enrolments, and an enrolment with its progress checklist. */
@RestController
@RequestMapping("/api/accreditation")
@Tag(name = "Enrolments")
class EnrolmentController {

    private final EnrolmentService enrolments;

    EnrolmentController(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping("/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to a programme (409 without its prerequisite award, or with an open enrolment in it)")
    EnrolmentView apply(@Valid @RequestBody Application body, Caller caller) {
        return enrolments.view(enrolments.apply(caller, body.programmeCode()).id(), caller);
    }

    @GetMapping("/me/enrolments")
    @Operation(summary = "The caller's enrolments, newest first")
    List<EnrolmentSummary> mine(Caller caller) {
        return enrolments.mine(caller);
    }

    @GetMapping("/enrolments/{id}")
    @Operation(summary = "An enrolment with its checklist and panel (the candidate, their coach and assessors, "
            + "programme admins)")
    EnrolmentView one(@PathVariable UUID id, Caller caller) {
        return enrolments.view(id, caller);
    }

    @PostMapping("/enrolments/{id}/withdraw")
    @Operation(summary = "Withdraw an open enrolment (the candidate or a programme admin)")
    EnrolmentView withdraw(@PathVariable UUID id, @Valid @RequestBody Reason body, Caller caller) {
        enrolments.withdraw(id, body.reason(), caller);
        return enrolments.view(id, caller);
    }

    /** The programme applied to, such as {@code ILM-DEVELOPMENT-PLLE}. */
    record Application(@NotBlank @Size(max = 60) String programmeCode) {
    }

    /** Why an enrolment ends. */
    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }
}

package org.exchange.membership.membership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in practitioner's Learning Exchange membership. */
@RestController
@RequestMapping("/api/membership/me/membership")
@Tag(name = "Learning Exchange membership")
class MembershipController {

    private final MembershipService memberships;
    private final MembershipViews views;

    MembershipController(MembershipService memberships, MembershipViews views) {
        this.memberships = memberships;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The caller's membership with its invoice, renewal evidence and history",
            responses = {
                    @ApiResponse(responseCode = "200", description = "The caller's membership"),
                    @ApiResponse(responseCode = "204", description = "The caller has not applied for membership yet")})
    ResponseEntity<MembershipView> mine(Caller caller) {
        // not having applied is a state of the person, not an error: no 404 on every page that shows it
        return memberships.ofPractitioner(caller.subjectId()).map(views::of).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/application")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply for membership; an ILM award holder is eligible at once and invoiced")
    MembershipView apply(Caller caller, @Valid @RequestBody ApplicationRequest request) {
        return views.of(memberships.apply(caller, request.evidence()));
    }

    @PostMapping("/renewal")
    @Operation(summary = "Submit the CPD of the membership year for renewal; 409 when it is not enough")
    MembershipView renew(Caller caller, @Valid @RequestBody RenewalRequest request) {
        return views.of(memberships.submitRenewal(caller, request.statement()));
    }

    /** An application; the evidence is needed unless the applicant holds an ILM award. */
    record ApplicationRequest(@Size(max = 10000) String evidence) {
    }

    /** A renewal; the CPD evidence is the record itself, the statement says what the year meant. */
    record RenewalRequest(@Size(max = 10000) String statement) {
    }
}

package org.exchange.membership.membership;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.membership.access.Access;
import org.exchange.membership.invoice.Invoice;
import org.exchange.membership.membership.RenewalJob.RenewalRun;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme admins review applications and renewals and record payments. */
@RestController
@RequestMapping("/api/membership/admin")
@Tag(name = "Membership administration")
class MembershipAdminController {

    private final MembershipService memberships;
    private final MembershipViews views;
    private final RenewalJob renewalJob;

    MembershipAdminController(MembershipService memberships, MembershipViews views, RenewalJob renewalJob) {
        this.memberships = memberships;
        this.views = views;
        this.renewalJob = renewalJob;
    }

    @GetMapping("/memberships")
    @Operation(summary = "Memberships with the given statuses, every status by default (programme-admin)")
    List<MembershipView> list(Caller caller, @RequestParam(required = false) Set<MembershipStatus> status) {
        Access.requireProgrammeAdmin(caller);
        Set<MembershipStatus> statuses = status == null || status.isEmpty() ? EnumSet.allOf(MembershipStatus.class)
                : status;
        return memberships.withStatus(statuses).stream().map(views::of).toList();
    }

    @GetMapping("/memberships/{membershipId}")
    @Operation(summary = "One membership with its audit trail (programme-admin)")
    MembershipView one(Caller caller, @PathVariable UUID membershipId) {
        Access.requireProgrammeAdmin(caller);
        return views.of(memberships.find(membershipId));
    }

    @PostMapping("/memberships/{membershipId}/eligibility")
    @Operation(summary = "Approve (the invoice is issued) or reject an application, with a reason (programme-admin)")
    MembershipView reviewEligibility(Caller caller, @PathVariable UUID membershipId,
            @Valid @RequestBody ReviewRequest request) {
        return views.of(memberships.reviewEligibility(caller, membershipId, request.approved(), request.reason()));
    }

    @PostMapping("/memberships/{membershipId}/renewal-review")
    @Operation(summary = "Approve (the renewal invoice is issued) or send back CPD evidence, with a reason (programme-admin)")
    MembershipView reviewRenewal(Caller caller, @PathVariable UUID membershipId,
            @Valid @RequestBody ReviewRequest request) {
        return views.of(memberships.reviewRenewal(caller, membershipId, request.approved(), request.reason()));
    }

    @PostMapping("/invoices/{invoiceId}/payment")
    @Operation(summary = "Record an offline payment of a membership invoice (programme-admin)")
    MembershipView recordPayment(Caller caller, @PathVariable UUID invoiceId,
            @Valid @RequestBody PaymentRequest request) {
        return views.of(memberships.recordPayment(caller, invoiceId, request.method(), request.reference(),
                request.paidOn()));
    }

    @PostMapping("/renewal-run")
    @Operation(summary = "Run the renewal job now: reminders and lapses as of today (programme-admin)")
    RenewalRun runRenewals(Caller caller) {
        Access.requireProgrammeAdmin(caller);
        return renewalJob.run();
    }

    /** A decision on an application or a renewal; the reason goes into the audit trail. */
    record ReviewRequest(@NotNull Boolean approved, @NotBlank @Size(max = 2000) String reason) {
    }

    /** An offline payment. */
    record PaymentRequest(@NotNull Invoice.Method method, @Size(max = 200) String reference,
            @NotNull LocalDate paidOn) {
    }
}

package org.exchange.membership.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.membership.invoice.InvoiceService.Revenue;
import org.exchange.membership.membership.MembershipStatus;
import org.exchange.membership.report.ProgrammeReports.MemberRow;
import org.exchange.membership.report.ProgrammeReports.StaffRow;
import org.exchange.membership.report.ProgrammeReports.Viability;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.csv.Csv;
import org.exchange.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programme-admin reports as JSON and CSV, and an organisation's staff participation for its org-admin. */
@RestController
@RequestMapping("/api/membership")
@Tag(name = "Reports")
class ReportController {

    private static final List<String> MEMBER_HEADER = List.of("membershipId", "practitionerId", "givenName",
            "familyName", "email", "organisationId", "status", "startedOn", "expiresOn");

    private final ProgrammeReports reports;
    private final AuditTrail audit;

    ReportController(ProgrammeReports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping("/admin/reports/members")
    @Operation(summary = "Members by status, every status by default (programme-admin)")
    List<MemberRow> members(Caller caller, @RequestParam(required = false) Set<MembershipStatus> status) {
        return reports.members(caller, statuses(status));
    }

    @GetMapping(path = "/admin/reports/members.csv", produces = "text/csv")
    @Operation(summary = "Members by status as CSV (programme-admin)")
    ResponseEntity<String> membersCsv(Caller caller, @RequestParam(required = false) Set<MembershipStatus> status) {
        Set<MembershipStatus> statuses = statuses(status);
        return memberCsv(caller, "members.csv", reports.members(caller, statuses), Map.of("status", statuses));
    }

    @GetMapping("/admin/reports/renewals-due")
    @Operation(summary = "Members whose membership year ends this month (programme-admin)")
    List<MemberRow> renewalsDue(Caller caller) {
        return reports.renewalsDueThisMonth(caller);
    }

    @GetMapping(path = "/admin/reports/renewals-due.csv", produces = "text/csv")
    @Operation(summary = "Renewals due this month as CSV (programme-admin)")
    ResponseEntity<String> renewalsDueCsv(Caller caller) {
        return memberCsv(caller, "renewals-due.csv", reports.renewalsDueThisMonth(caller), Map.of());
    }

    @GetMapping("/admin/reports/lapsed")
    @Operation(summary = "Lapsed memberships (programme-admin)")
    List<MemberRow> lapsed(Caller caller) {
        return reports.members(caller, EnumSet.of(MembershipStatus.LAPSED));
    }

    @GetMapping(path = "/admin/reports/lapsed.csv", produces = "text/csv")
    @Operation(summary = "Lapsed memberships as CSV (programme-admin)")
    ResponseEntity<String> lapsedCsv(Caller caller) {
        return memberCsv(caller, "lapsed.csv", reports.members(caller, EnumSet.of(MembershipStatus.LAPSED)), Map.of());
    }

    @GetMapping("/admin/reports/viability")
    @Operation(summary = "The viability target against the current number of members (programme-admin)")
    Viability viability(Caller caller) {
        return reports.viability(caller);
    }

    @GetMapping(path = "/admin/reports/viability.csv", produces = "text/csv")
    @Operation(summary = "The viability target and members by status as CSV (programme-admin)")
    ResponseEntity<String> viabilityCsv(Caller caller) {
        Viability viability = reports.viability(caller);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("TARGET", viability.target()));
        rows.add(List.of("MEMBERS", viability.members()));
        viability.byStatus().forEach((status, count) -> rows.add(List.of(status, count)));
        return Csv.download("viability.csv", Csv.of(List.of("measure", "count"), rows));
    }

    @GetMapping("/admin/reports/revenue")
    @Operation(summary = "Fees paid per membership year (programme-admin)")
    List<Revenue> revenue(Caller caller) {
        return reports.revenue(caller);
    }

    @GetMapping(path = "/admin/reports/revenue.csv", produces = "text/csv")
    @Operation(summary = "Fees paid per membership year as CSV (programme-admin)")
    ResponseEntity<String> revenueCsv(Caller caller) {
        return Csv.download("revenue.csv", Csv.of(List.of("membershipYear", "currency", "total", "invoicesPaid"),
                reports.revenue(caller).stream()
                        .map(r -> List.of(r.membershipYear(), r.currency(), r.total(), r.invoicesPaid())).toList()));
    }

    @GetMapping("/organisations/{organisationId}/staff")
    @Operation(summary = "The organisation's practitioners, their membership and CPD hours this year (its org-admin or programme-admin)")
    List<StaffRow> staff(Caller caller, @PathVariable String organisationId) {
        return reports.staff(caller, organisationId);
    }

    @GetMapping(path = "/organisations/{organisationId}/staff.csv", produces = "text/csv")
    @Operation(summary = "The organisation's staff participation as CSV (its org-admin or programme-admin)")
    ResponseEntity<String> staffCsv(Caller caller, @PathVariable String organisationId) {
        List<StaffRow> staff = reports.staff(caller, organisationId);
        String filename = organisationId + "-staff.csv";
        audit.recordExport(caller, filename, organisationId, staff.size(), Map.of());
        return Csv.download(filename, Csv.of(List.of("practitionerId", "givenName", "familyName", "email", "jobRole",
                "membershipStatus", "cpdHoursThisYear"), staff.stream().map(StaffRow::fields).toList()));
    }

    private ResponseEntity<String> memberCsv(Caller caller, String filename, List<MemberRow> rows,
            Map<String, ?> filters) {
        audit.recordExport(caller, filename, null, rows.size(), filters);
        return Csv.download(filename, Csv.of(MEMBER_HEADER, rows.stream().map(MemberRow::fields).toList()));
    }


    private static Set<MembershipStatus> statuses(Set<MembershipStatus> requested) {
        return requested == null || requested.isEmpty() ? EnumSet.allOf(MembershipStatus.class) : requested;
    }
}

package org.exchange.exchange.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.csv.Csv;
import org.exchange.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reports for programme admins. */
@RestController
@RequestMapping("/api/exchange/reports")
@Tag(name = "Reports")
class ReportController {

    /** How many group lines a page holds unless asked otherwise, and at most. */
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ReportService reports;
    private final AuditTrail audit;

    ReportController(ReportService reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping(value = "/programme", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The programme report's figures, for one network or all, and for one programme cycle or one "
            + "wave of it (programme admin); its groups' lines come a page at a time from /programme/groups")
    ProgrammeReport programme(
            @Parameter(description = "One network; all when absent") @RequestParam(required = false) UUID networkId,
            @Parameter(description = "One programme cycle's groups and their meetings") @RequestParam(required = false)
            UUID cycleId,
            @Parameter(description = "One wave's groups (of the cycle, when one is given)")
            @RequestParam(required = false) @Min(1) Integer wave,
            Caller caller) {
        return reports.report(new ReportScope(networkId, cycleId, wave), caller);
    }

    @GetMapping(value = "/programme/groups", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The programme report's group lines, a page at a time, by network name then group name, for "
            + "the same scope as the report (programme admin). Page on with after=<next>; the last page has no next")
    GroupLinePage programmeGroups(
            @Parameter(description = "One network; all when absent") @RequestParam(required = false) UUID networkId,
            @Parameter(description = "One programme cycle's groups") @RequestParam(required = false) UUID cycleId,
            @Parameter(description = "One wave's groups (of the cycle, when one is given)")
            @RequestParam(required = false) @Min(1) Integer wave,
            @Parameter(description = "The previous page's next, as it was given; absent for the first page")
            @RequestParam(name = GroupCursor.PARAMETER, required = false) @Size(min = 1, max = 1000) String after,
            @Parameter(description = "How many lines, 1 to " + MAX_LIMIT)
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            Caller caller) {
        return reports.groups(new ReportScope(networkId, cycleId, wave), after, limit, caller);
    }

    @GetMapping("/programme.csv")
    @Operation(summary = "Every group line of the programme report as CSV, for one network or all, and for one "
            + "programme cycle or one wave of it (programme admin)")
    ResponseEntity<String> programmeCsv(
            @Parameter(description = "One network; all when absent") @RequestParam(required = false) UUID networkId,
            @Parameter(description = "One programme cycle's groups") @RequestParam(required = false) UUID cycleId,
            @Parameter(description = "One wave's groups (of the cycle, when one is given)")
            @RequestParam(required = false) @Min(1) Integer wave,
            Caller caller) {
        List<ProgrammeReport.GroupLine> groups = reports.allGroups(new ReportScope(networkId, cycleId, wave), caller);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("networkId", networkId);
        filters.put("cycleId", cycleId);
        filters.put("wave", wave);
        audit.recordExport(caller, "programme-report.csv", null, groups.size(), filters);
        return Csv.download("programme-report.csv", ReportService.csv(groups));
    }
}

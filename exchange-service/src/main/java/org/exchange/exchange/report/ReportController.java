package org.exchange.exchange.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
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

    private final ReportService reports;
    private final AuditTrail audit;

    ReportController(ReportService reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @GetMapping(value = "/programme", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The programme report, for one network or all, and for one programme cycle or one wave of it "
            + "(programme admin)")
    ProgrammeReport programme(@RequestParam(required = false) UUID networkId,
            @RequestParam(required = false) UUID cycleId, @RequestParam(required = false) @Min(1) Integer wave,
            Caller caller) {
        return reports.report(new ReportScope(networkId, cycleId, wave), caller);
    }

    @GetMapping("/programme.csv")
    @Operation(summary = "The programme report's groups as CSV, for one network or all, and for one programme cycle "
            + "or one wave of it (programme admin)")
    ResponseEntity<String> programmeCsv(@RequestParam(required = false) UUID networkId,
            @RequestParam(required = false) UUID cycleId, @RequestParam(required = false) @Min(1) Integer wave,
            Caller caller) {
        ProgrammeReport report = reports.report(new ReportScope(networkId, cycleId, wave), caller);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("networkId", networkId);
        filters.put("cycleId", cycleId);
        filters.put("wave", wave);
        audit.recordExport(caller, "programme-report.csv", null, report.groups().size(), filters);
        return Csv.download("programme-report.csv", ReportService.csv(report));
    }
}

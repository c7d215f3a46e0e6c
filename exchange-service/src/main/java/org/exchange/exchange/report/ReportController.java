package org.exchange.exchange.report;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    @GetMapping(value = "/programme", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The programme report, for one network or all (programme admin)")
    ProgrammeReport programme(@RequestParam(required = false) UUID networkId, Caller caller) {
        return reports.report(networkId, caller);
    }

    @GetMapping("/programme.csv")
    @Operation(summary = "The programme report's groups as CSV (programme admin)")
    ResponseEntity<String> programmeCsv(@RequestParam(required = false) UUID networkId, Caller caller) {
        return Csv.download("programme-report.csv", ReportService.csv(reports.report(networkId, caller)));
    }
}

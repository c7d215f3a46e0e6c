package org.exchange.accreditation.completion;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.accreditation.enrolment.EnrolmentService;
import org.exchange.accreditation.enrolment.EnrolmentViews.Completion;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.csv.Csv;
import org.exchange.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The completions a programme admin confirms with ILM: recommended candidates, or those ILM confirmed. */
@RestController
@RequestMapping("/api/accreditation/admin")
@Tag(name = "Administration")
class CompletionController {

    private final EnrolmentService enrolments;
    private final AuditTrail audit;

    CompletionController(EnrolmentService enrolments, AuditTrail audit) {
        this.enrolments = enrolments;
        this.audit = audit;
    }

    @GetMapping("/completions")
    @Operation(summary = "Recommended candidates to confirm with ILM, or with confirmed=true those ILM confirmed "
            + "(programme-admin)")
    List<Completion> completions(@RequestParam(defaultValue = "false") boolean confirmed, Caller caller) {
        return enrolments.completions(confirmed, caller);
    }

    @GetMapping(path = "/completions.csv", produces = "text/csv")
    @Operation(summary = "The same as CSV for ILM, with the fields an awarding body asks a centre for "
            + "(programme-admin)")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "false") boolean confirmed, Caller caller) {
        List<Completion> completions = enrolments.completions(confirmed, caller);
        String filename = confirmed ? "ilm-confirmed.csv" : "ilm-completions.csv";
        audit.recordExport(caller, filename, null, completions.size(), Map.of("confirmed", confirmed));
        return Csv.download(filename, CompletionsCsv.write(completions));
    }
}

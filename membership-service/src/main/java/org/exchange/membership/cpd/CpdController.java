package org.exchange.membership.cpd;

import static org.exchange.membership.versioning.Versioned.tagged;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.membership.cpd.CpdActivity.Details;
import org.exchange.membership.versioning.ExpectedVersion;
import org.exchange.membership.versioning.SendsEntityTag;
import org.exchange.platform.csv.Csv;
import org.exchange.platform.security.Caller;
import org.exchange.platform.validation.WebLink;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in practitioner's CPD record. */
@RestController
@Validated
@RequestMapping("/api/membership/me/cpd")
@Tag(name = "CPD record")
class CpdController {

    /** What a refused evidence link is told: the form asks for https, and so does the API. */
    static final String EVIDENCE_LINK = "must be an https address, such as https://example.org/certificate, with any "
            + "special characters percent-encoded";

    private final CpdService cpd;
    private final Clock clock;

    CpdController(CpdService cpd, Clock clock) {
        this.cpd = cpd;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The caller's CPD activities and totals over a calendar year (this year by default)")
    CpdSummary record(Caller caller, @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return cpd.yearSummary(caller.subjectId(), yearOrThisYear(year));
    }

    @GetMapping(path = "/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Download the caller's yearly CPD summary as JSON")
    ResponseEntity<CpdSummary> summaryJson(Caller caller,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        int summaryYear = yearOrThisYear(year);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cpd-" + summaryYear + ".json\"")
                .body(cpd.yearSummary(caller.subjectId(), summaryYear));
    }

    @GetMapping(path = "/summary.csv", produces = "text/csv")
    @Operation(summary = "Download the caller's yearly CPD summary as CSV, one line per activity")
    ResponseEntity<String> summaryCsv(Caller caller,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        int summaryYear = yearOrThisYear(year);
        CpdSummary summary = cpd.yearSummary(caller.subjectId(), summaryYear);
        List<List<?>> rows = new ArrayList<>();
        summary.activities().forEach(a -> rows.add(List.of(a.occurredOn(), a.type(), a.title(), a.hours(),
                a.reflection() == null ? "" : a.reflection(), a.evidenceLink() == null ? "" : a.evidenceLink(),
                a.source())));
        rows.add(List.of("", "TOTAL", "", summary.totalHours(), "", "", ""));
        return Csv.download("cpd-" + summaryYear + ".csv",
                Csv.of(List.of("date", "type", "title", "hours", "reflection", "evidence", "source"), rows));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a CPD activity")
    @SendsEntityTag
    ResponseEntity<CpdActivity> log(Caller caller, @Valid @RequestBody ActivityRequest request) {
        return tagged(HttpStatus.CREATED, cpd.log(caller.subjectId(), request.details()));
    }

    @GetMapping("/{activityId}")
    @SendsEntityTag
    @Operation(summary = "One of the caller's activities")
    ResponseEntity<CpdActivity> activity(Caller caller, @PathVariable UUID activityId) {
        return tagged(cpd.activity(caller.subjectId(), activityId));
    }

    @PutMapping("/{activityId}")
    @Operation(summary = "Change an activity the caller logged")
    ResponseEntity<CpdActivity> change(Caller caller, @PathVariable UUID activityId, ExpectedVersion expected,
            @Valid @RequestBody ActivityRequest request) {
        return tagged(cpd.change(caller.subjectId(), activityId, expected, request.details()));
    }

    @PutMapping("/{activityId}/reflection")
    @Operation(summary = "Write the reflection on any of the caller's activities, attended meetings included; "
            + "If-Match is the activity's ETag")
    ResponseEntity<CpdActivity> reflect(Caller caller, @PathVariable UUID activityId, ExpectedVersion expected,
            @Valid @RequestBody ReflectionRequest request) {
        return tagged(cpd.reflect(caller.subjectId(), activityId, expected, request.reflection(),
                request.evidenceLink()));
    }

    @DeleteMapping("/{activityId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an activity the caller logged")
    void remove(Caller caller, @PathVariable UUID activityId, ExpectedVersion expected) {
        cpd.remove(caller, activityId, expected);
    }

    private int yearOrThisYear(Integer year) {
        return year == null ? LocalDate.now(clock).getYear() : year;
    }

    /** A CPD activity as the practitioner logs it. */
    record ActivityRequest(
            @NotNull CpdType type,
            @NotBlank @Size(max = 300) String title,
            @NotNull LocalDate occurredOn,
            @NotNull @DecimalMin("0.00") @DecimalMax("200.00") @Digits(integer = 3, fraction = 2) BigDecimal hours,
            @Size(max = 10000) String reflection,
            @Size(max = 1000) @WebLink(httpsOnly = true, message = EVIDENCE_LINK) String evidenceLink) {

        Details details() {
            return new Details(type, title.strip(), occurredOn, hours, reflection, evidenceLink);
        }
    }

    record ReflectionRequest(
            @NotBlank @Size(max = 10000) String reflection,
            @Size(max = 1000) @WebLink(httpsOnly = true, message = EVIDENCE_LINK) String evidenceLink) {
    }
}

package org.exchange.accreditation.enrolment;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.accreditation.enrolment.EnrolmentViews.WorkshopView;
import org.exchange.accreditation.enrolment.PortfolioRecords.CpdCommitment;
import org.exchange.accreditation.enrolment.PortfolioRecords.DevelopmentPlan;
import org.exchange.accreditation.enrolment.PortfolioRecords.Evidence;
import org.exchange.accreditation.enrolment.PortfolioRecords.EvidenceFile;
import org.exchange.accreditation.enrolment.PortfolioRecords.Goal;
import org.exchange.accreditation.enrolment.PortfolioRecords.HoursEntry;
import org.exchange.accreditation.enrolment.PortfolioRecords.Reflection;
import org.exchange.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The candidate's portfolio: hours with evidence, development plan, reflections, CPD commitment, workshops. */
@RestController
@RequestMapping("/api/accreditation/enrolments/{id}")
@Tag(name = "Portfolio")
class PortfolioController {

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/hours")
    @Operation(summary = "The hours log, newest first, with its evidence")
    List<HoursEntry> hours(@PathVariable UUID id, Caller caller) {
        return portfolio.hours(id, caller);
    }

    @PostMapping("/hours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log hours in a category: more than 0 and at most 24 in one entry, in quarter hours "
            + "(the candidate)")
    HoursEntry logHours(@PathVariable UUID id, @Valid @RequestBody LogHours body, Caller caller) {
        return portfolio.logHours(id, body.category(), body.hours(), body.occurredOn(), body.description(), caller);
    }

    @DeleteMapping("/hours/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an hours entry and its evidence (the candidate)")
    void deleteHours(@PathVariable UUID id, @PathVariable UUID entryId, Caller caller) {
        portfolio.deleteHours(id, entryId, caller);
    }

    @PostMapping(path = "/hours/{entryId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach an evidence file to an hours entry: PDF, PNG, JPEG, DOCX or plain text by its "
            + "content, at most 5 MB (the candidate)")
    Evidence attach(@PathVariable UUID id, @PathVariable UUID entryId, @RequestPart("file") MultipartFile file,
            Caller caller) throws IOException {
        return portfolio.attachEvidence(id, entryId, file.getOriginalFilename(), file.getBytes(), caller);
    }

    @GetMapping("/hours/{entryId}/evidence/{evidenceId}")
    @Operation(summary = "Download an evidence file")
    ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID entryId,
            @PathVariable UUID evidenceId, Caller caller) {
        EvidenceFile file = portfolio.evidence(id, evidenceId, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @GetMapping("/development-plan")
    @Operation(summary = "The personal development plan as last saved, with its earlier revisions")
    DevelopmentPlan plan(@PathVariable UUID id, Caller caller) {
        return portfolio.plan(id, caller);
    }

    @PutMapping("/development-plan")
    @Operation(summary = "Save the development plan's goals as a new revision (the candidate)")
    DevelopmentPlan savePlan(@PathVariable UUID id, @Valid @RequestBody PlanBody body, Caller caller) {
        return portfolio.savePlan(id, body.goals().stream()
                .map(g -> new Goal(g.goal().strip(), g.actions() == null ? null : g.actions().strip(), g.reviewOn()))
                .toList(), caller);
    }

    @GetMapping("/reflections")
    @Operation(summary = "The candidate's reflections, newest first")
    List<Reflection> reflections(@PathVariable UUID id, Caller caller) {
        return portfolio.reflections(id, caller);
    }

    @PostMapping("/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a reflection on practice (the candidate)")
    Reflection reflect(@PathVariable UUID id, @Valid @RequestBody ReflectionBody body, Caller caller) {
        return portfolio.reflect(id, body.title(), body.text(), caller);
    }

    @GetMapping("/cpd-commitment")
    @Operation(summary = "The candidate's commitment to continuing professional development")
    CpdCommitment commitment(@PathVariable UUID id, Caller caller) {
        return portfolio.commitment(id, caller);
    }

    @PutMapping("/cpd-commitment")
    @Operation(summary = "State the commitment to continuing professional development (the candidate)")
    CpdCommitment commit(@PathVariable UUID id, @Valid @RequestBody CommitmentBody body, Caller caller) {
        return portfolio.commit(id, body.statement(), caller);
    }

    @GetMapping("/workshops")
    @Operation(summary = "Workshops the candidate facilitated or led since enrolment, from exchange's attendance")
    List<WorkshopView> workshops(@PathVariable UUID id, Caller caller) {
        return portfolio.workshops(id, caller);
    }

    /** Hours in one category; the service also checks quarter hours and dates. */
    record LogHours(@NotNull HoursCategory category,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") BigDecimal hours,
            @NotNull LocalDate occurredOn, @Size(max = 2000) String description) {
    }

    record PlanBody(@NotNull @Size(max = 30) List<@Valid @NotNull GoalBody> goals) {
    }

    record GoalBody(@NotBlank @Size(max = 1000) String goal, @Size(max = 2000) String actions, LocalDate reviewOn) {
    }

    record ReflectionBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String text) {
    }

    record CommitmentBody(@NotBlank @Size(max = 4000) String statement) {
    }
}

package org.exchange.accreditation.enrolment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentSummary;
import org.exchange.accreditation.enrolment.EnrolmentViews.EnrolmentView;
import org.exchange.accreditation.enrolment.EnrolmentViews.ObservableCandidate;
import org.exchange.accreditation.enrolment.PortfolioRecords.Decision;
import org.exchange.accreditation.enrolment.PortfolioRecords.Observation;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Peer assessors: finding candidates, observing workshops they led, and the panel's recommendations. */
@RestController
@RequestMapping("/api/accreditation")
@Tag(name = "Assessment")
class AssessmentController {

    private final EnrolmentService enrolments;
    private final PortfolioService portfolio;

    AssessmentController(EnrolmentService enrolments, PortfolioService portfolio) {
        this.enrolments = enrolments;
        this.portfolio = portfolio;
    }

    @GetMapping("/assessor/candidates")
    @Operation(summary = "The enrolments the assessor observed a workshop for or sits on the panel of (assessor)")
    List<EnrolmentSummary> candidates(Caller caller) {
        return enrolments.assessedBy(caller);
    }

    @GetMapping("/assessor/enrolments")
    @Operation(summary = "Find a candidate to observe by name, with the workshops they led (assessor)")
    List<ObservableCandidate> find(@RequestParam(required = false) @Size(max = 100) String q, Caller caller) {
        return enrolments.observable(q, caller);
    }

    @GetMapping("/enrolments/{id}/observations")
    @Operation(summary = "Observations of the candidate's workshops")
    List<Observation> observations(@PathVariable UUID id, Caller caller) {
        return portfolio.observations(id, caller);
    }

    @PostMapping("/enrolments/{id}/observations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an observation of a workshop the candidate led (assessor; never of one's own)")
    Observation observe(@PathVariable UUID id, @Valid @RequestBody ObservationBody body, Caller caller) {
        return portfolio.observe(id, body.meetingId(), body.observedOn(), body.seen(), body.feedback(),
                body.counts(), caller);
    }

    @PostMapping("/enrolments/{id}/recommendations")
    @Operation(summary = "Recommend the candidate, or not yet, with reasons (the two panel members)")
    EnrolmentView recommend(@PathVariable UUID id, @Valid @RequestBody RecommendationBody body, Caller caller) {
        portfolio.recommend(id, body.decision(), body.reasons(), caller);
        return enrolments.view(id, caller);
    }

    /** What the assessor saw at a workshop the candidate led, their feedback, and whether it counts. */
    record ObservationBody(@NotNull UUID meetingId, @NotNull LocalDate observedOn,
            @NotBlank @Size(max = 8000) String seen, @NotBlank @Size(max = 8000) String feedback,
            @NotNull Boolean counts) {
    }

    record RecommendationBody(@NotNull Decision decision, @NotBlank @Size(max = 8000) String reasons) {
    }
}

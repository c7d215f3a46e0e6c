package org.exchange.assessment.selfassessment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.assessment.directory.Directory;
import org.exchange.assessment.directory.EvidenceKind;
import org.exchange.assessment.framework.CareerStage;
import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.FrameworkService;
import org.exchange.assessment.framework.Standard;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A practitioner's own self-assessments: the baseline, reviews, the draft in progress and what is due. */
@RestController
@RequestMapping("/api/assessment/me")
@Tag(name = "Self-assessment")
class SelfAssessmentController {

    private final SelfAssessmentService assessments;
    private final FrameworkService frameworks;
    private final Directory directory;

    SelfAssessmentController(SelfAssessmentService assessments, FrameworkService frameworks, Directory directory) {
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.directory = directory;
    }

    @GetMapping("/status")
    @Operation(summary = "Whether the caller's baseline is done, their draft in progress and what is due")
    StatusView status(Caller caller) {
        List<SelfAssessment> submitted = assessments.submitted(caller);
        Optional<SelfAssessment> draft = assessments.draft(caller);
        List<DueView> due = assessments.dueFor(caller).stream().map(item -> new DueView(item.kind(), item.groupId(),
                directory.group(item.groupId()).map(Directory.Group::name).orElse(null), item.since())).toList();
        return new StatusView(submitted.stream().anyMatch(a -> a.kind() == AssessmentKind.BASELINE),
                submitted.size() - 1 > 0 ? submitted.size() - 1 : 0,
                submitted.isEmpty() ? null : submitted.getLast().submittedAt(),
                draft.map(d -> new DraftRef(d.kind(), d.editionId(), d.updatedAt())).orElse(null), due);
    }

    @GetMapping("/evidence")
    @Operation(summary = "What the caller may point at as evidence for a rating (outcomes of their groups and their "
            + "own), with titles")
    List<EvidenceView> evidence(Caller caller) {
        return directory.evidenceOf(caller.subjectId()).stream()
                .map(item -> new EvidenceView(item.kind(), item.id(), item.title())).toList();
    }

    @GetMapping("/draft")
    @Operation(summary = "The caller's draft; without one, the next review pre-filled from their last ratings "
            + "(not saved until they save it)")
    AssessmentView draft(Caller caller) {
        return assessments.draft(caller).map(draft -> view(draft, true))
                .or(() -> assessments.startingPoint(caller).map(start -> view(start, false)))
                .orElseThrow(() -> new NotFoundException("You have no draft self-assessment"));
    }

    @PutMapping("/draft")
    @Operation(summary = "Save the caller's draft baseline or review as it now is; only a submitted one counts")
    AssessmentView saveDraft(@Valid @RequestBody DraftBody body, Caller caller) {
        SelfAssessment draft = assessments.saveDraft(caller, new SelfAssessmentService.DraftCommand(body.kind(),
                body.editionId(), new SelfAssessment.Content(body.careerStage(),
                body.ratings() == null ? List.of() : body.ratings().stream().map(RatingBody::toRating).toList(),
                body.focusStandards(), body.developmentGoals())));
        return view(draft, true);
    }

    @DeleteMapping("/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Throw the caller's draft away")
    void discard(Caller caller) {
        assessments.discardDraft(caller);
    }

    @PostMapping("/draft/submit")
    @Operation(summary = "Submit the caller's draft: every standard rated, one to five focus standards")
    AssessmentView submit(Caller caller) {
        return view(assessments.submit(caller), true);
    }

    @GetMapping("/assessments")
    @Operation(summary = "The caller's submitted self-assessments, oldest (the baseline) first")
    List<AssessmentView> submitted(Caller caller) {
        return assessments.submitted(caller).stream().map(assessment -> view(assessment, true)).toList();
    }

    @GetMapping("/assessments/{id}")
    @Operation(summary = "One of the caller's own self-assessments")
    AssessmentView one(@PathVariable UUID id, Caller caller) {
        return view(assessments.one(id, caller), true);
    }

    private AssessmentView view(SelfAssessment assessment, boolean saved) {
        Edition edition = frameworks.edition(assessment.editionId());
        Map<UUID, String> titles = directory.evidenceTitles(assessment.ratings().values().stream()
                .map(Rating::evidence).flatMap(Collection::stream).map(Rating.Evidence::id).toList());
        List<RatingView> ratings = edition.standards().stream()
                .filter(standard -> assessment.ratings().containsKey(standard.id()))
                .map(standard -> {
                    Rating rating = assessment.ratings().get(standard.id());
                    return new RatingView(standard.id(), standard.number(), rating.score(), rating.comment(),
                            rating.evidence().stream().map(evidence -> new EvidenceView(evidence.kind(),
                                    evidence.id(), titles.get(evidence.id()))).toList());
                }).toList();
        return new AssessmentView(saved ? assessment.id() : null, assessment.kind(), assessment.status(), saved,
                new EditionRef(edition.id(), edition.name(), edition.year()), assessment.careerStage(), ratings,
                assessment.focusStandards().stream().map(id -> edition.standard(id).map(Standard::number)
                        .map(number -> new FocusView(id, number)).orElseThrow()).toList(),
                assessment.developmentGoals(), saved ? assessment.startedAt() : null,
                saved ? assessment.updatedAt() : null, assessment.submittedAt());
    }

    /** What the practitioner has filled in; scores may be missing while it is a draft. */
    record DraftBody(
            @NotNull AssessmentKind kind,
            @Size(max = 40) String editionId,
            CareerStage careerStage,
            @Size(max = 40) List<@Valid @NotNull RatingBody> ratings,
            @Size(max = 40) List<@NotBlank String> focusStandards,
            @Size(max = 4000) String developmentGoals) {
    }

    /** One standard's rating, comment and evidence. */
    record RatingBody(
            @NotBlank String standardId,
            @Min(1) @Max(6) Integer score,
            @Size(max = 2000) String comment,
            @Size(max = 20) List<@Valid @NotNull EvidenceBody> evidence) {

        Rating toRating() {
            return new Rating(standardId, score, comment == null || comment.isBlank() ? null : comment.strip(),
                    evidence == null ? List.of()
                            : evidence.stream().map(item -> new Rating.Evidence(item.kind(), item.id())).toList());
        }
    }

    /** What supports a rating. */
    record EvidenceBody(@NotNull EvidenceKind kind, @NotNull UUID id) {
    }

    /** The edition an assessment was made against. */
    record EditionRef(String id, String name, int year) {
    }

    /** Evidence with its title when this context has learnt it. */
    record EvidenceView(EvidenceKind kind, UUID id, String title) {
    }

    /** One rating. */
    record RatingView(String standardId, int number, Integer score, String comment, List<EvidenceView> evidence) {
    }

    /** A focus standard. */
    record FocusView(String standardId, int number) {
    }

    /** A self-assessment; {@code saved} is false for a review pre-filled from the last one and not yet saved. */
    record AssessmentView(UUID id, AssessmentKind kind, SelfAssessment.Status status, boolean saved,
            EditionRef edition, CareerStage careerStage, List<RatingView> ratings, List<FocusView> focusStandards,
            String developmentGoals, Instant startedAt, Instant updatedAt, Instant submittedAt) {
    }

    /** The caller's draft in progress. */
    record DraftRef(AssessmentKind kind, String editionId, Instant updatedAt) {
    }

    /** Something due, with the group that prompted it. */
    record DueView(AssessmentKind kind, UUID groupId, String groupName, Instant since) {
    }

    /** Where the caller stands. */
    record StatusView(boolean baselineDone, int reviews, Instant lastSubmittedAt, DraftRef draft, List<DueView> due) {
    }
}

package org.exchange.assessment.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.exchange.assessment.framework.FrameworkService;
import org.exchange.assessment.selfassessment.AssessmentKind;
import org.exchange.assessment.selfassessment.SelfAssessment;
import org.exchange.assessment.selfassessment.SelfAssessmentService;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A practitioner's own progress against their baseline. */
@RestController
@RequestMapping("/api/assessment")
@Tag(name = "Progress")
class ProgressController {

    private final SelfAssessmentService assessments;
    private final FrameworkService frameworks;

    ProgressController(SelfAssessmentService assessments, FrameworkService frameworks) {
        this.assessments = assessments;
        this.frameworks = frameworks;
    }

    @GetMapping("/me/progress")
    @Operation(summary = "The caller's change per standard since their baseline and since their previous review, "
            + "and a timeline per focus standard")
    ProgressView mine(Caller caller) {
        List<SelfAssessment> submitted = assessments.submitted(caller);
        if (submitted.isEmpty()) {
            throw new NotFoundException("Progress starts with your baseline self-assessment: you have none yet");
        }
        Progress progress = Progress.of(frameworks.edition(submitted.getFirst().editionId()), submitted);
        return new ProgressView(
                new EditionRef(progress.edition().id(), progress.edition().name(), progress.edition().year()),
                progress.rounds().stream().map(round -> new RoundView(round.assessmentId(), round.kind(),
                        round.submittedAt())).toList(),
                progress.standards().stream().map(row -> new StandardRow(row.standard().id(),
                        row.standard().number(), row.standard().area().name(), row.standard().wording(),
                        row.baseline(), row.previous(), row.latest(), row.changeSinceBaseline(),
                        row.changeSincePrevious(), row.focus())).toList(),
                progress.focusTimelines().stream().map(timeline -> new TimelineView(timeline.standard().id(),
                        timeline.standard().number(), timeline.standard().wording(), timeline.points().stream()
                        .map(point -> new PointView(point.assessmentId(), point.kind(), point.submittedAt(),
                                point.score())).toList())).toList());
    }

    /** The edition the figures are against. */
    record EditionRef(String id, String name, int year) {
    }

    /** One submitted assessment. */
    record RoundView(UUID assessmentId, AssessmentKind kind, Instant submittedAt) {
    }

    /** One standard's figures; the changes are absent until a review compares. */
    record StandardRow(String standardId, int number, String area, String wording, int baseline, Integer previous,
            int latest, Integer changeSinceBaseline, Integer changeSincePrevious, boolean focus) {
    }

    /** A rating at one round. */
    record PointView(UUID assessmentId, AssessmentKind kind, Instant submittedAt, int score) {
    }

    /** A focus standard over time. */
    record TimelineView(String standardId, int number, String wording, List<PointView> points) {
    }

    /** The caller's progress. */
    record ProgressView(EditionRef edition, List<RoundView> rounds, List<StandardRow> standards,
            List<TimelineView> focusTimelines) {
    }
}

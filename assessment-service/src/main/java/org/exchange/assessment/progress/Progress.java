package org.exchange.assessment.progress;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.Standard;
import org.exchange.assessment.selfassessment.AssessmentKind;
import org.exchange.assessment.selfassessment.SelfAssessment;

/**
 * A practitioner's progress against their baseline: per standard, the change since the baseline and since the
 * previous review, and a timeline of each focus standard.
 *
 * @param edition the edition every assessment compared here was made against
 * @param rounds the submitted assessments, oldest (the baseline) first
 * @param standards every standard with its figures
 * @param focusTimelines the current focus standards, each with its ratings over time
 */
public record Progress(Edition edition, List<Round> rounds, List<StandardProgress> standards,
        List<Timeline> focusTimelines) {

    /** One submitted assessment. */
    public record Round(UUID assessmentId, AssessmentKind kind, Instant submittedAt) {
    }

    /**
     * One standard's ratings: previous and the changes are null until there is a review to compare.
     */
    public record StandardProgress(Standard standard, int baseline, Integer previous, int latest,
            Integer changeSinceBaseline, Integer changeSincePrevious, boolean focus) {
    }

    /** A focus standard's ratings over time. */
    public record Timeline(Standard standard, List<Point> points) {
    }

    /** A rating at one round. */
    public record Point(UUID assessmentId, AssessmentKind kind, Instant submittedAt, int score) {
    }

    /** The progress shown by the submitted assessments (at least the baseline), all made against the edition. */
    public static Progress of(Edition edition, List<SelfAssessment> submitted) {
        if (submitted.isEmpty()) {
            throw new IllegalArgumentException("Progress starts with a baseline");
        }
        SelfAssessment baseline = submitted.getFirst();
        SelfAssessment latest = submitted.getLast();
        SelfAssessment previous = submitted.size() > 2 ? submitted.get(submitted.size() - 2) : null;
        boolean reviewed = submitted.size() > 1;
        List<StandardProgress> standards = edition.standards().stream().map(standard -> {
            int base = baseline.score(standard.id()).orElseThrow();
            int now = latest.score(standard.id()).orElseThrow();
            Integer before = previous == null ? null : previous.score(standard.id()).orElseThrow();
            return new StandardProgress(standard, base, before, now, reviewed ? now - base : null,
                    before == null ? null : now - before, latest.focusStandards().contains(standard.id()));
        }).toList();
        List<Timeline> timelines = latest.focusStandards().stream().map(standardId -> new Timeline(
                edition.standard(standardId).orElseThrow(), submitted.stream().map(assessment -> new Point(
                        assessment.id(), assessment.kind(), assessment.submittedAt(),
                        assessment.score(standardId).orElseThrow())).toList())).toList();
        List<Round> rounds = submitted.stream()
                .map(assessment -> new Round(assessment.id(), assessment.kind(), assessment.submittedAt())).toList();
        return new Progress(edition, rounds, standards, timelines);
    }
}

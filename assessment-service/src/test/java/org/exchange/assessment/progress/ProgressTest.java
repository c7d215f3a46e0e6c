package org.exchange.assessment.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.exchange.assessment.TestEditions;
import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.selfassessment.AssessmentKind;
import org.exchange.assessment.selfassessment.Rating;
import org.exchange.assessment.selfassessment.SelfAssessment;
import org.junit.jupiter.api.Test;

class ProgressTest {

    static final Edition EDITION = TestEditions.twentyTwentyTwo();

    static SelfAssessment submitted(AssessmentKind kind, int day, IntUnaryOperator score, String... focus) {
        Map<String, Rating> ratings = IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toMap(
                n -> "etf-2022-%02d".formatted(n), n -> new Rating("etf-2022-%02d".formatted(n),
                        score.applyAsInt(n), null, List.of())));
        Instant at = Instant.parse("2026-01-01T10:00:00Z").plusSeconds(86_400L * day);
        return new SelfAssessment(UUID.randomUUID(), UUID.randomUUID(), "etf-2022", kind,
                SelfAssessment.Status.SUBMITTED, null, ratings, List.of(focus), null, at, at, at);
    }

    @Test
    void aBaselineAloneShowsNoChangeYet() {
        Progress progress = Progress.of(EDITION, List.of(submitted(AssessmentKind.BASELINE, 0, n -> 2, "etf-2022-01")));

        assertThat(progress.standards().getFirst().changeSinceBaseline()).isNull();
        assertThat(progress.standards().getFirst().changeSincePrevious()).isNull();
        assertThat(progress.standards().getFirst().latest()).isEqualTo(2);
    }

    @Test
    void theFirstReviewShowsTheChangeSinceTheBaselineAndNoPreviousReview() {
        Progress progress = Progress.of(EDITION, List.of(
                submitted(AssessmentKind.BASELINE, 0, n -> 2, "etf-2022-01"),
                submitted(AssessmentKind.REVIEW, 90, n -> n == 1 ? 4 : 2, "etf-2022-01")));

        Progress.StandardProgress first = progress.standards().getFirst();
        assertThat(first.changeSinceBaseline()).isEqualTo(2);
        assertThat(first.previous()).isNull();
        assertThat(first.changeSincePrevious()).isNull();
        assertThat(progress.standards().get(1).changeSinceBaseline()).isZero();
    }

    @Test
    void aLaterReviewShowsTheChangeSinceTheBaselineAndSinceThePreviousReview() {
        Progress progress = Progress.of(EDITION, List.of(
                submitted(AssessmentKind.BASELINE, 0, n -> 2, "etf-2022-01"),
                submitted(AssessmentKind.REVIEW, 90, n -> 4, "etf-2022-01"),
                submitted(AssessmentKind.REVIEW, 180, n -> n == 1 ? 3 : 5, "etf-2022-01", "etf-2022-13")));

        Progress.StandardProgress first = progress.standards().getFirst();
        assertThat(first.baseline()).isEqualTo(2);
        assertThat(first.previous()).isEqualTo(4);
        assertThat(first.latest()).isEqualTo(3);
        assertThat(first.changeSinceBaseline()).isEqualTo(1);
        assertThat(first.changeSincePrevious()).isEqualTo(-1);
        assertThat(progress.standards().get(12).focus()).isTrue();
        assertThat(progress.focusTimelines()).extracting(timeline -> timeline.standard().number())
                .containsExactly(1, 13);
        assertThat(progress.focusTimelines().getFirst().points()).extracting(Progress.Point::score)
                .containsExactly(2, 4, 3);
    }
}

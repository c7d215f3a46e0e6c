package org.exchange.assessment.selfassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.exchange.assessment.TestEditions;
import org.exchange.assessment.framework.AssessmentRules;
import org.exchange.assessment.framework.Edition;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class SelfAssessmentTest {

    static final Edition EDITION = TestEditions.twentyTwentyTwo();
    static final AssessmentRules RULES = new AssessmentRules(5, 1, 5);
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    static SelfAssessment draft(List<Rating> ratings, List<String> focus) {
        return SelfAssessment.draft(UUID.randomUUID(), UUID.randomUUID(), EDITION, AssessmentKind.BASELINE,
                new SelfAssessment.Content(null, ratings, focus, "Better questioning"), RULES, NOW, NOW);
    }

    static List<Rating> allRated(int score) {
        return IntStream.rangeClosed(1, 20).mapToObj(n -> new Rating("etf-2022-%02d".formatted(n), score, null,
                List.of())).toList();
    }

    @Test
    void aDraftMayLeaveStandardsUnrated() {
        SelfAssessment draft = draft(List.of(new Rating("etf-2022-01", null, "Not sure yet", List.of())), List.of());

        assertThat(draft.status()).isEqualTo(SelfAssessment.Status.DRAFT);
        assertThat(draft.score("etf-2022-01")).isEmpty();
    }

    @Test
    void aRatingOfSevenIsOffTheScale() {
        assertThatThrownBy(() -> draft(List.of(new Rating("etf-2022-01", 7, null, List.of())), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("from 1 to 6");
    }

    @Test
    void aStandardOfAnotherEditionIsRefused() {
        assertThatThrownBy(() -> draft(List.of(new Rating("etf-2014-01", 3, null, List.of())), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("No standard etf-2014-01");
    }

    @Test
    void sixFocusStandardsAreTooMany() {
        assertThatThrownBy(() -> draft(List.of(), List.of("etf-2022-01", "etf-2022-02", "etf-2022-03",
                "etf-2022-04", "etf-2022-05", "etf-2022-06")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 5");
    }

    @Test
    void submittingNeedsEveryStandardRatedAndAFocusStandard() {
        assertThatThrownBy(() -> draft(allRated(3).subList(0, 19), List.of("etf-2022-01")).submit(EDITION, RULES, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not yet rated: 20");
        assertThatThrownBy(() -> draft(allRated(3), List.of()).submit(EDITION, RULES, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at least 1 focus standard");

        SelfAssessment submitted = draft(allRated(3), List.of("etf-2022-01")).submit(EDITION, RULES, NOW);
        assertThat(submitted.status()).isEqualTo(SelfAssessment.Status.SUBMITTED);
        assertThat(submitted.submittedAt()).isEqualTo(NOW);
    }
}

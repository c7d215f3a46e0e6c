package org.exchange.accreditation.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.exchange.accreditation.programme.Programme;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the award requirements engine (Jazzer). In a normal build each test runs once per input
 * of its seed corpus ({@code src/test/resources/.../RequirementEngineFuzzTestInputs/<test>/}); with
 * {@code JAZZER_FUZZ=1} it fuzzes for its {@code maxDuration} and adds what breaks it to that corpus (docs/security.md).
 */
class RequirementEngineFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final List<Programme> PROGRAMMES = List.of(programme("ILM-DEVELOPMENT-PLLE.v1.json"),
            programme("ILM-ENDORSED-PLLE.v1.json"));
    private static final List<String> CATEGORIES = List.of("OBSERVED_PRACTICE", "REFLECTION_AND_PLANNING",
            "COACHING_OR_MENTORING", "PRESENTATION_AND_FEEDBACK", "SOMETHING_ELSE");
    private static final List<String> DOCUMENTS = List.of("DEVELOPMENT_PLAN", "CPD_COMMITMENT", "REFLECTION",
            "SOMETHING_ELSE");

    @FuzzTest(maxDuration = "2m")
    void theProgrammesChecklistHoldsForAnyPortfolio(FuzzedDataProvider data) {
        Programme programme = data.pickValue(PROGRAMMES);
        PortfolioFacts facts = facts(data);

        List<CheckItem> checklist = RequirementEngine.evaluate(programme.requirements(), facts);

        assertThat(checklist).hasSameSizeAs(programme.requirements());
        checklist.forEach(RequirementEngineFuzzTest::holds);
        assertThat(RequirementEngine.overallPercent(checklist)).isBetween(0, 100);
        if (RequirementEngine.allMet(checklist)) {
            assertThat(RequirementEngine.readyForAssessment(checklist)).isTrue();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void anyRequirementTheDataCanStateIsMeasuredAndSaysWhatIsMissing(FuzzedDataProvider data) {
        Requirement requirement;
        try {
            RequirementKind kind = data.pickValue(RequirementKind.values());
            // the wording's placeholder is the kind's own: months end on a date, amounts count what is short
            String missingMany = kind == RequirementKind.MINIMUM_DURATION ? "from {date}" : "{n} more things";
            requirement = new Requirement("fuzzed", kind, "A requirement", amount(data, 100_000), "units",
                    data.pickValue(CATEGORIES), data.pickValue(DOCUMENTS), "1 more thing", missingMany,
                    data.consumeBoolean());
        } catch (IllegalArgumentException refused) {
            return; // data a programme file may not state
        }

        holds(RequirementEngine.evaluate(requirement, facts(data)));
    }

    /** What every checklist line must be, whatever the facts. */
    private static void holds(CheckItem item) {
        assertThat(item.percent()).as("percent of %s", item).isBetween(0, 100);
        assertThat(item.met()).as("met exactly when nothing is missing: %s", item).isEqualTo(item.missing() == null);
        if (item.met()) {
            assertThat(item.percent()).as("a met requirement is complete: %s", item).isEqualTo(100);
        } else {
            assertThat(item.missing()).as("what is missing, in plain words").isNotBlank()
                    .doesNotContain("{n}").doesNotContain("{date}");
        }
    }

    /** Facts a portfolio can hold: hours of two decimals at most, counts, documents, dates around today. */
    private static PortfolioFacts facts(FuzzedDataProvider data) {
        Map<String, BigDecimal> hours = new HashMap<>();
        int entries = data.consumeInt(0, CATEGORIES.size());
        for (int i = 0; i < entries; i++) {
            hours.merge(data.pickValue(CATEGORIES), amount(data, 10_000), BigDecimal::add);
        }
        Set<String> documents = new HashSet<>();
        int present = data.consumeInt(0, DOCUMENTS.size());
        for (int i = 0; i < present; i++) {
            documents.add(data.pickValue(DOCUMENTS));
        }
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-3_650, 3_650));
        LocalDate enrolledOn = data.consumeBoolean() ? null : today.plusDays(data.consumeInt(-3_650, 30));
        return new PortfolioFacts(hours, data.consumeInt(0, 1_000), data.consumeInt(0, 1_000), documents,
                data.consumeBoolean(), data.consumeInt(0, 5), enrolledOn, today);
    }

    /** A non-negative amount of at most two decimals. */
    private static BigDecimal amount(FuzzedDataProvider data, int max) {
        return BigDecimal.valueOf(data.consumeLong(0, max * 100L), 2);
    }

    private static Programme programme(String file) {
        try (InputStream in = RequirementEngineFuzzTest.class.getResourceAsStream("/programmes/" + file)) {
            return JSON.readValue(in, Programme.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

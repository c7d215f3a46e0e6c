package org.exchange.accreditation.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Endorsed award's requirements (its programme file, version 1) measured at their boundaries: each row changes
 * one fact of a portfolio that meets everything and states what the checklist then says.
 */
class RequirementEngineTest {

    static List<Requirement> endorsed;

    static final LocalDate ENROLLED_ON = LocalDate.of(2026, 10, 15);

    @BeforeAll
    static void readTheEndorsedAwardsFile() throws Exception {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        try (InputStream in = RequirementEngineTest.class.getResourceAsStream("/programmes/ILM-ENDORSED-PLLE.v1.json")) {
            JsonNode file = json.readTree(in);
            endorsed = json.convertValue(file.get("requirements"),
                    json.getTypeFactory().constructCollectionType(List.class, Requirement.class));
        }
    }

    /** A portfolio meeting every requirement exactly: 18 + 36 + 6 + 2 hours, six workshops, three observed ... */
    static PortfolioFacts everythingMet() {
        return new PortfolioFacts(hours("18", "36", "6", "2"), 6, 3, Set.of("DEVELOPMENT_PLAN", "CPD_COMMITMENT"),
                true, 2, ENROLLED_ON, ENROLLED_ON.plusMonths(6));
    }

    static Map<String, BigDecimal> hours(String observed, String reflection, String coaching, String presentation) {
        Map<String, BigDecimal> hours = new HashMap<>();
        hours.put("OBSERVED_PRACTICE", new BigDecimal(observed));
        hours.put("REFLECTION_AND_PLANNING", new BigDecimal(reflection));
        hours.put("COACHING_OR_MENTORING", new BigDecimal(coaching));
        hours.put("PRESENTATION_AND_FEEDBACK", new BigDecimal(presentation));
        return hours;
    }

    static PortfolioFacts withHours(PortfolioFacts f, Map<String, BigDecimal> hours) {
        return new PortfolioFacts(hours, f.workshopsFacilitated(), f.workshopsObserved(), f.documents(),
                f.panelNamed(), f.recommendations(), f.enrolledOn(), f.today());
    }

    static Stream<Arguments> boundaries() {
        return Stream.of(
                row("61.5 hours in all is half an hour short", "total-hours", false, "0.5 more hours in all",
                        f -> withHours(f, hours("18", "35.5", "6", "2"))),
                row("62 hours in all meet the total", "total-hours", true, null,
                        f -> withHours(f, hours("18", "36", "6", "2"))),
                row("17.5 observed-practice hours are short though the total is met", "observed-practice-hours",
                        false, "0.5 more hours of observed practice",
                        f -> withHours(f, hours("17.5", "36.5", "6", "2"))),
                row("1.5 hours of coaching leave 4.5 to go", "coaching-hours", false,
                        "4.5 more hours of coaching or mentoring",
                        f -> withHours(f, hours("18", "40.5", "1.5", "2"))),
                row("5 workshops facilitated are one short", "workshops", false, "1 more workshop facilitated",
                        f -> new PortfolioFacts(f.hoursByCategory(), 5, 3, f.documents(), true, 2, f.enrolledOn(),
                                f.today())),
                row("6 workshops facilitated are enough", "workshops", true, null, UnaryOperator.identity()),
                row("2 observed workshops are one short", "observed-workshops", false, "1 more observed workshop",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 2, f.documents(), true, 2, f.enrolledOn(),
                                f.today())),
                row("1 observed workshop leaves two to go", "observed-workshops", false, "2 more observed workshops",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 1, f.documents(), true, 2, f.enrolledOn(),
                                f.today())),
                row("3 observed workshops are enough", "observed-workshops", true, null, UnaryOperator.identity()),
                row("5 months 30 days after enrolment is too early", "minimum-duration", false,
                        "eligible for assessment from 15 April 2027",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, f.documents(), true, 2, f.enrolledOn(),
                                LocalDate.of(2027, 4, 14))),
                row("6 months after enrolment is long enough", "minimum-duration", true, null,
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, f.documents(), true, 2, f.enrolledOn(),
                                LocalDate.of(2027, 4, 15))),
                row("one recommendation is not enough", "recommendations", false,
                        "1 more recommendation from the panel",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, f.documents(), true, 1, f.enrolledOn(),
                                f.today())),
                row("two recommendations are", "recommendations", true, null, UnaryOperator.identity()),
                row("no development plan", "development-plan", false, "your personal development plan",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, Set.of("CPD_COMMITMENT"), true, 2,
                                f.enrolledOn(), f.today())),
                row("no commitment to CPD", "cpd-commitment", false,
                        "your commitment to continuing professional development",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, Set.of("DEVELOPMENT_PLAN"), true, 2,
                                f.enrolledOn(), f.today())),
                row("no panel named", "panel", false, "a panel of two assessors, named by a programme admin",
                        f -> new PortfolioFacts(f.hoursByCategory(), 6, 3, f.documents(), false, 0, f.enrolledOn(),
                                f.today())));
    }

    static Arguments row(String name, String requirementId, boolean met, String missing,
            UnaryOperator<PortfolioFacts> change) {
        return Arguments.argumentSet(name, requirementId, met, missing, change);
    }

    @ParameterizedTest
    @MethodSource("boundaries")
    void endorsedAwardRequirementsAtTheirBoundaries(String requirementId, boolean met, String missing,
            UnaryOperator<PortfolioFacts> change) {
        CheckItem item = item(RequirementEngine.evaluate(endorsed, change.apply(everythingMet())), requirementId);

        assertThat(item.met()).as("met").isEqualTo(met);
        assertThat(item.missing()).as("missing").isEqualTo(missing);
        assertThat(item.percent()).as("percent").isEqualTo(met ? 100 : item.percent()).isBetween(0, 100);
    }

    @Test
    void readyForAssessmentNeedsEverythingButTheRecommendations() {
        PortfolioFacts oneRecommendation = new PortfolioFacts(everythingMet().hoursByCategory(), 6, 3,
                everythingMet().documents(), true, 1, ENROLLED_ON, ENROLLED_ON.plusMonths(6));
        List<CheckItem> checklist = RequirementEngine.evaluate(endorsed, oneRecommendation);

        assertThat(RequirementEngine.readyForAssessment(checklist)).isTrue();
        assertThat(RequirementEngine.allMet(checklist)).isFalse();
        assertThat(RequirementEngine.allMet(RequirementEngine.evaluate(endorsed, everythingMet()))).isTrue();
    }

    @Test
    void aMissingObservedWorkshopKeepsTheCandidateFromAssessment() {
        PortfolioFacts twoObserved = new PortfolioFacts(everythingMet().hoursByCategory(), 6, 2,
                everythingMet().documents(), true, 0, ENROLLED_ON, ENROLLED_ON.plusMonths(6));

        assertThat(RequirementEngine.readyForAssessment(RequirementEngine.evaluate(endorsed, twoObserved))).isFalse();
    }

    @Test
    void progressShowsHowFarEachRequirementIs() {
        PortfolioFacts halfway = withHours(everythingMet(), hours("9", "36", "6", "2"));
        CheckItem observedPractice = item(RequirementEngine.evaluate(endorsed, halfway), "observed-practice-hours");

        assertThat(observedPractice.percent()).isEqualTo(50);
        assertThat(observedPractice.current()).isEqualByComparingTo("9");
        assertThat(observedPractice.target()).isEqualByComparingTo("18");
    }

    private static CheckItem item(List<CheckItem> checklist, String requirementId) {
        return checklist.stream().filter(i -> i.requirementId().equals(requirementId)).findFirst().orElseThrow();
    }
}

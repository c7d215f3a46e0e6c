package org.exchange.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exchange.membership.cpd.CpdSummary;
import org.junit.jupiter.api.Test;

class RenewalEvidencePolicyTest {

    final RenewalEvidencePolicy policy = RenewalEvidencePolicy.of(MembershipTerms.defaults());

    @Test
    void twelveHoursWithOneReflectionIsEnoughByDefault() {
        assertThat(policy.shortfalls(cpd("12.00", 1))).isEmpty();
    }

    @Test
    void tooFewHoursIsAShortfall() {
        assertThat(policy.shortfalls(cpd("11.75", 3))).singleElement().asString()
                .contains("11.75 CPD hours").contains("at least 12");
    }

    @Test
    void hoursWithoutAnyReflectionAreAShortfall() {
        assertThat(policy.shortfalls(cpd("40", 0))).singleElement().asString().contains("reflection");
    }

    @Test
    void theFeeOfAYearComesFromConfigurationWithTheDefaultForOtherYears() {
        MembershipTerms terms = new MembershipTerms(null, Map.of(2028, new BigDecimal("200")), null, null, null, null,
                null, null, null);

        assertThat(terms.feeFor(2027)).isEqualByComparingTo("195.00").hasToString("195.00");
        assertThat(terms.feeFor(2028)).hasToString("200.00");
        assertThat(terms.viabilityTarget()).isEqualTo(50);
    }

    private static CpdSummary cpd(String hours, int reflections) {
        return new CpdSummary(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), new BigDecimal(hours),
                reflections, Map.of(), List.of());
    }
}

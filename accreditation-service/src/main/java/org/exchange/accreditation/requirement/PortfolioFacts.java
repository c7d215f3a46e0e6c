package org.exchange.accreditation.requirement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the engine measures an enrolment by: plain facts gathered from the portfolio, exchange's attendance, the
 * observations and the panel.
 *
 * @param hoursByCategory hours logged per category
 * @param workshopsFacilitated distinct workshops the candidate facilitated or led since enrolment
 * @param workshopsObserved distinct workshops the candidate led that a peer assessor observed and counted
 * @param documents the portfolio documents present, such as {@code DEVELOPMENT_PLAN}
 * @param panelNamed whether a panel of one academy assessor and one from the candidate's organisation is named
 * @param recommendations panel members whose latest recommendation is to recommend
 * @param enrolledOn the day the enrolment started, or null before it is accepted
 * @param today the day the facts are measured on
 */
public record PortfolioFacts(
        Map<String, BigDecimal> hoursByCategory,
        int workshopsFacilitated,
        int workshopsObserved,
        Set<String> documents,
        boolean panelNamed,
        int recommendations,
        LocalDate enrolledOn,
        LocalDate today) {

    public PortfolioFacts {
        hoursByCategory = Map.copyOf(hoursByCategory);
        documents = Set.copyOf(documents);
    }

    /** Hours in one category, zero when none were logged. */
    public BigDecimal hoursIn(String category) {
        return hoursByCategory.getOrDefault(category, BigDecimal.ZERO);
    }

    /** Hours in every category together. */
    public BigDecimal totalHours() {
        return hoursByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

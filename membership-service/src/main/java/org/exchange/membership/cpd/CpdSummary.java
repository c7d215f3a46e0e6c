package org.exchange.membership.cpd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A practitioner's CPD over a period: the evidence renewal asks for, and the yearly summary they download.
 *
 * @param totalHours the hours of every activity in the period
 * @param reflections how many activities carry a written reflection
 * @param hoursByType the hours per kind of activity, kinds without hours left out
 */
public record CpdSummary(LocalDate from, LocalDate to, BigDecimal totalHours, int reflections,
        Map<CpdType, BigDecimal> hoursByType, List<CpdActivity> activities) {

    static CpdSummary of(LocalDate from, LocalDate to, List<CpdActivity> activities) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        Map<CpdType, BigDecimal> byType = new EnumMap<>(CpdType.class);
        int reflections = 0;
        for (CpdActivity activity : activities) {
            total = total.add(activity.hours());
            byType.merge(activity.type(), activity.hours(), BigDecimal::add);
            if (activity.hasReflection()) {
                reflections++;
            }
        }
        return new CpdSummary(from, to, total, reflections, byType, List.copyOf(activities));
    }
}

package org.exchange.accreditation.requirement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The one rules engine: measures any programme version's requirements against an enrolment's facts. Each kind is a
 * generic measure (a sum, a count, a presence, a date); the targets and the wording come from the programme's data.
 */
public final class RequirementEngine {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private RequirementEngine() {
    }

    /** The checklist: every requirement measured, in the programme's order. */
    public static List<CheckItem> evaluate(List<Requirement> requirements, PortfolioFacts facts) {
        return requirements.stream().map(requirement -> evaluate(requirement, facts)).toList();
    }

    /** Whether every requirement met before the assessment holds: the enrolment is ready to be assessed. */
    public static boolean readyForAssessment(List<CheckItem> checklist) {
        return checklist.stream().filter(item -> !item.atAssessment()).allMatch(CheckItem::met);
    }

    /** Whether every requirement holds, the panel's recommendations included. */
    public static boolean allMet(List<CheckItem> checklist) {
        return checklist.stream().allMatch(CheckItem::met);
    }

    /** Overall progress: the mean of the items' percentages. */
    public static int overallPercent(List<CheckItem> checklist) {
        if (checklist.isEmpty()) {
            return 100;
        }
        return (int) Math.floor(checklist.stream().mapToInt(CheckItem::percent).average().orElse(100));
    }

    static CheckItem evaluate(Requirement requirement, PortfolioFacts facts) {
        return switch (requirement.kind()) {
            case HOURS_TOTAL -> amount(requirement, facts.totalHours());
            case HOURS_IN_CATEGORY -> amount(requirement, facts.hoursIn(requirement.category()));
            case WORKSHOPS_FACILITATED -> amount(requirement, BigDecimal.valueOf(facts.workshopsFacilitated()));
            case WORKSHOPS_OBSERVED -> amount(requirement, BigDecimal.valueOf(facts.workshopsObserved()));
            case DOCUMENT_PRESENT -> amount(requirement,
                    facts.documents().contains(requirement.document()) ? requirement.target() : BigDecimal.ZERO);
            case PANEL_NAMED -> amount(requirement, facts.panelNamed() ? requirement.target() : BigDecimal.ZERO);
            case PANEL_RECOMMENDATIONS -> amount(requirement, BigDecimal.valueOf(facts.recommendations()));
            case MINIMUM_DURATION -> duration(requirement, facts);
        };
    }

    private static CheckItem amount(Requirement requirement, BigDecimal current) {
        BigDecimal target = requirement.target();
        boolean met = current.compareTo(target) >= 0;
        BigDecimal short_ = target.subtract(current);
        String missing = met ? null : missing(requirement, short_);
        return new CheckItem(requirement.id(), requirement.label(), met, plain(current), plain(target),
                requirement.unit(), percent(current, target), missing, requirement.atAssessment());
    }

    /** Met on the day the enrolment is the target's months old; before then it says from when. */
    private static CheckItem duration(Requirement requirement, PortfolioFacts facts) {
        int months = requirement.target().intValueExact();
        if (facts.enrolledOn() == null) {
            return new CheckItem(requirement.id(), requirement.label(), false, BigDecimal.ZERO,
                    requirement.target(), requirement.unit(), 0, "enrolment to be accepted",
                    requirement.atAssessment());
        }
        LocalDate from = facts.enrolledOn().plusMonths(months);
        boolean met = !facts.today().isBefore(from);
        Period elapsed = facts.today().isBefore(facts.enrolledOn()) ? Period.ZERO
                : Period.between(facts.enrolledOn(), facts.today());
        BigDecimal current = BigDecimal.valueOf(elapsed.toTotalMonths());
        String missing = met ? null : requirement.missingMany().replace("{date}", DATE.format(from));
        return new CheckItem(requirement.id(), requirement.label(), met, current, requirement.target(),
                requirement.unit(), met ? 100 : percent(current, requirement.target()), missing,
                requirement.atAssessment());
    }

    private static String missing(Requirement requirement, BigDecimal amount) {
        if (amount.compareTo(BigDecimal.ONE) == 0) {
            return requirement.missingOne().replace("{n}", "1");
        }
        return requirement.missingMany().replace("{n}", plain(amount).toPlainString());
    }

    private static int percent(BigDecimal current, BigDecimal target) {
        if (target.signum() <= 0 || current.compareTo(target) >= 0) {
            return 100;
        }
        return current.multiply(BigDecimal.valueOf(100)).divide(target, 0, RoundingMode.FLOOR).intValue();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

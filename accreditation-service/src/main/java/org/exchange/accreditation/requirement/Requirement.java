package org.exchange.accreditation.requirement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One requirement of a programme version, as data.
 *
 * @param id stable within the programme version, such as {@code observed-workshops}
 * @param kind what the engine measures
 * @param label the requirement as the candidate reads it
 * @param target how much is needed (hours, workshops, months, recommendations; 1 for a document)
 * @param unit what the target counts, such as {@code hours} or {@code workshops}
 * @param category the hours category, for {@link RequirementKind#HOURS_IN_CATEGORY}
 * @param document the portfolio document, for {@link RequirementKind#DOCUMENT_PRESENT}
 * @param missingOne what is still missing when one more is needed, such as {@code 1 more observed workshop}
 * @param missingMany the same for any other amount, with {@code {n}} for the amount, or {@code {date}} for a
 *        duration's date
 * @param atAssessment whether it is met at the assessment itself (panel, recommendations) rather than before it
 */
public record Requirement(
        String id,
        RequirementKind kind,
        String label,
        BigDecimal target,
        String unit,
        String category,
        String document,
        String missingOne,
        String missingMany,
        boolean atAssessment) {

    private static final BigDecimal MAXIMUM_MONTHS = BigDecimal.valueOf(1_200);

    public Requirement {
        Objects.requireNonNull(id, "a requirement needs an id");
        Objects.requireNonNull(kind, "requirement " + id + " needs a kind");
        Objects.requireNonNull(label, "requirement " + id + " needs a label");
        Objects.requireNonNull(target, "requirement " + id + " needs a target");
        Objects.requireNonNull(missingMany, "requirement " + id + " needs its missing wording");
        if (kind == RequirementKind.HOURS_IN_CATEGORY && category == null) {
            throw new IllegalArgumentException("requirement " + id + " counts hours in a category but names none");
        }
        if (kind == RequirementKind.DOCUMENT_PRESENT && document == null) {
            throw new IllegalArgumentException("requirement " + id + " needs a document but names none");
        }
        if (target.signum() < 0) {
            throw new IllegalArgumentException("requirement " + id + " has a negative target");
        }
        // the engine counts whole months from enrolment; 1.5 months has no day it is met on
        if (kind == RequirementKind.MINIMUM_DURATION && (target.stripTrailingZeros().scale() > 0
                || target.compareTo(MAXIMUM_MONTHS) > 0)) {
            throw new IllegalArgumentException("requirement " + id + " lasts " + target.toPlainString()
                    + " months: a whole number up to " + MAXIMUM_MONTHS + " is needed");
        }
        if (missingOne == null) {
            missingOne = missingMany;
        }
    }
}

package org.exchange.accreditation.requirement;

import java.math.BigDecimal;

/**
 * One line of the progress checklist.
 *
 * @param current how much there is, in the requirement's unit (for a duration, the months completed)
 * @param percent progress towards the target, 0 to 100
 * @param missing what is still missing in plain words, or null when the requirement is met
 */
public record CheckItem(String requirementId, String label, boolean met, BigDecimal current, BigDecimal target,
        String unit, int percent, String missing, boolean atAssessment) {
}

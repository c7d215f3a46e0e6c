package org.exchange.contracts.accreditation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A candidate logged hours towards their award in one category.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param entryId the hours log entry
 * @param category OBSERVED_PRACTICE, REFLECTION_AND_PLANNING, COACHING_OR_MENTORING or PRESENTATION_AND_FEEDBACK
 * @param hours the hours logged in this entry
 * @param occurredOn the day the activity took place
 * @param loggedAt when it was logged
 */
@EventType(context = "accreditation", name = "HoursLogged", version = 1)
public record HoursLogged(
        UUID enrolmentId,
        UUID practitionerId,
        UUID entryId,
        String category,
        BigDecimal hours,
        LocalDate occurredOn,
        Instant loggedAt) {
}

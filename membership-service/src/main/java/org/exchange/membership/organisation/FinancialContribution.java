package org.exchange.membership.organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Money a partner organisation contributes to the programme. */
public record FinancialContribution(
        UUID id,
        String organisationId,
        BigDecimal amount,
        String currency,
        String purpose,
        LocalDate pledgedOn,
        Instant recordedAt) {
}

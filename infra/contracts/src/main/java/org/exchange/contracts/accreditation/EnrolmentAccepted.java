package org.exchange.contracts.accreditation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin accepted a candidate onto an ILM award programme; the programme's fee is now due, and
 * membership-service (which numbers every invoice) issues the invoice for it.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param programmeCode such as {@code ILM-ENDORSED-PLLE}
 * @param programmeTitle the award's name
 * @param requirementVersion the programme version the enrolment follows
 * @param feeAmount the programme's fee, tax inclusive
 * @param currency ISO 4217 code, such as {@code GBP}
 * @param enrolledOn the day the enrolment starts
 * @param acceptedBy the programme admin who accepted it
 * @param acceptedAt when
 */
@EventType(context = "accreditation", name = "EnrolmentAccepted", version = 1)
public record EnrolmentAccepted(
        UUID enrolmentId,
        UUID practitionerId,
        String programmeCode,
        String programmeTitle,
        int requirementVersion,
        BigDecimal feeAmount,
        String currency,
        LocalDate enrolledOn,
        UUID acceptedBy,
        Instant acceptedAt) {
}

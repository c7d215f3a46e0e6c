package org.exchange.contracts.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * An invoice was issued, for the membership fee or for an ILM award programme's fee; it is paid offline (bank
 * transfer or other means).
 *
 * @param invoiceId the invoice
 * @param invoiceNumber its number, unique and gap-free per year, such as {@code EXM-2026-0001}
 * @param membershipId the membership it is for; null for an AWARD invoice
 * @param practitionerId the identity provider's subject id of the person invoiced
 * @param email where the person can be reached
 * @param givenName the name to greet them by
 * @param purpose MEMBERSHIP for a first year, RENEWAL for a further year, AWARD for an ILM award programme's fee
 * @param membershipYear the membership year whose fee applies (for an AWARD invoice, the year it was issued)
 * @param amount the amount due, tax inclusive
 * @param currency ISO 4217 code, such as {@code GBP}
 * @param issuedOn the day it was issued
 * @param dueOn the day payment is due
 * @param issuedAt when it was issued
 * @param enrolmentId for an AWARD invoice, accreditation's enrolment whose fee it charges; otherwise null
 * @param programmeTitle for an AWARD invoice, the award programme; otherwise null
 */
@EventType(context = "membership", name = "InvoiceIssued", version = 1)
public record InvoiceIssued(
        UUID invoiceId,
        String invoiceNumber,
        UUID membershipId,
        UUID practitionerId,
        String email,
        String givenName,
        String purpose,
        int membershipYear,
        BigDecimal amount,
        String currency,
        LocalDate issuedOn,
        LocalDate dueOn,
        Instant issuedAt,
        UUID enrolmentId,
        String programmeTitle) {

    /** An invoice for a membership year: the fields version 1 had before award invoices. */
    public InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID membershipId, UUID practitionerId, String email,
            String givenName, String purpose, int membershipYear, BigDecimal amount, String currency,
            LocalDate issuedOn, LocalDate dueOn, Instant issuedAt) {
        this(invoiceId, invoiceNumber, membershipId, practitionerId, email, givenName, purpose, membershipYear, amount,
                currency, issuedOn, dueOn, issuedAt, null, null);
    }
}

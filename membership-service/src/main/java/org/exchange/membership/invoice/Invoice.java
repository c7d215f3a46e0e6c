package org.exchange.membership.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * An invoice for a membership fee, paid offline and recorded by a programme admin.
 *
 * @param number unique and gap-free per year, such as {@code EXM-2026-0001}
 * @param membershipYear the membership year whose fee it charges
 * @param amount tax inclusive
 * @param currency ISO 4217 code
 */
public record Invoice(
        UUID id,
        String number,
        UUID membershipId,
        UUID practitionerId,
        Purpose purpose,
        int membershipYear,
        BigDecimal amount,
        String currency,
        Status status,
        LocalDate issuedOn,
        LocalDate dueOn,
        Payment payment,
        Instant issuedAt) {

    /** What an invoice charges for: a membership year, or an ILM award programme's fee (no membership then). */
    public enum Purpose { MEMBERSHIP, RENEWAL, AWARD }

    /** Where an invoice is: issued and unpaid, paid, or cancelled because the membership lapsed. */
    public enum Status { ISSUED, PAID, CANCELLED }

    /** How an invoice was paid; the platform takes no card payments. */
    public enum Method { BANK_TRANSFER, CHEQUE, CASH, OTHER }

    /** The number of the {@code sequence}th invoice issued in a year. */
    static String number(int year, int sequence) {
        return "EXM-%d-%04d".formatted(year, sequence);
    }

    Invoice pay(Payment received) {
        if (status != Status.ISSUED) {
            throw new ConflictException("Invoice " + number + " is " + status + "; only an issued invoice can be paid");
        }
        if (received.paidOn().isBefore(issuedOn)) {
            throw new InvalidRequestException("A payment cannot be made before its invoice was issued on " + issuedOn);
        }
        return new Invoice(id, number, membershipId, practitionerId, purpose, membershipYear, amount, currency,
                Status.PAID, issuedOn, dueOn, received, issuedAt);
    }

    Invoice cancel() {
        return status == Status.ISSUED ? new Invoice(id, number, membershipId, practitionerId, purpose,
                membershipYear, amount, currency, Status.CANCELLED, issuedOn, dueOn, null, issuedAt) : this;
    }

    /**
     * A payment received offline.
     *
     * @param reference the bank transfer's or cheque's reference
     * @param recordedBy the programme admin who recorded it
     */
    public record Payment(Method method, String reference, LocalDate paidOn, UUID recordedBy) {
    }
}

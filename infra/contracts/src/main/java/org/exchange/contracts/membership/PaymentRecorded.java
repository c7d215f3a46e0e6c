package org.exchange.contracts.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin recorded the payment of an invoice received by bank transfer or other offline means.
 *
 * @param invoiceId the invoice paid
 * @param invoiceNumber its number
 * @param membershipId the membership it is for; null for an AWARD invoice
 * @param practitionerId the identity provider's subject id of the person who paid
 * @param amount the amount paid
 * @param currency ISO 4217 code
 * @param method BANK_TRANSFER, CHEQUE, CASH or OTHER; new methods may be added
 * @param reference the payment's reference, such as the bank transfer reference
 * @param paidOn the day it was paid
 * @param recordedBy the subject id of the programme admin who recorded it
 * @param recordedAt when it was recorded
 */
@EventType(context = "membership", name = "PaymentRecorded", version = 1)
public record PaymentRecorded(
        UUID invoiceId,
        String invoiceNumber,
        UUID membershipId,
        UUID practitionerId,
        BigDecimal amount,
        String currency,
        String method,
        String reference,
        LocalDate paidOn,
        UUID recordedBy,
        Instant recordedAt) {
}

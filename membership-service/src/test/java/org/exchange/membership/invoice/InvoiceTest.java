package org.exchange.membership.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.membership.invoice.Invoice.Payment;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final LocalDate ISSUED = LocalDate.of(2027, 3, 1);

    @Test
    void numbersCarryTheYearAndAFourDigitSequence() {
        assertThat(Invoice.number(2026, 1)).isEqualTo("EXM-2026-0001");
        assertThat(Invoice.number(2026, 12345)).isEqualTo("EXM-2026-12345");
    }

    @Test
    void anInvoiceIsPaidOnce() {
        Invoice paid = issued().pay(payment(ISSUED));

        assertThat(paid.status()).isEqualTo(Invoice.Status.PAID);
        assertThatThrownBy(() -> paid.pay(payment(ISSUED))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCancelledInvoiceCannotBePaid() {
        assertThatThrownBy(() -> issued().cancel().pay(payment(ISSUED))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void aPaymentCannotPrecedeItsInvoice() {
        assertThatThrownBy(() -> issued().pay(payment(ISSUED.minusDays(1))))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static Payment payment(LocalDate on) {
        return new Payment(Invoice.Method.BANK_TRANSFER, "BACS 1", on, UUID.randomUUID());
    }

    private static Invoice issued() {
        return new Invoice(UUID.randomUUID(), "EXM-2027-0001", UUID.randomUUID(), UUID.randomUUID(),
                Invoice.Purpose.MEMBERSHIP, 2027, new BigDecimal("195.00"), "GBP", Invoice.Status.ISSUED, ISSUED,
                ISSUED.plusDays(30), null, Instant.parse("2027-03-01T09:00:00Z"));
    }
}

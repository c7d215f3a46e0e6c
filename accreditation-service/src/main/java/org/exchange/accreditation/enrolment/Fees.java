package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fee of each enrolment as membership-service invoices it and records its payment (docs/adr/0006): shown on the
 * enrolment; it does not gate progression.
 */
@Repository
public class Fees {

    private final JdbcClient jdbc;

    Fees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The fee's invoice and whether it is paid. */
    public record Fee(String invoiceNumber, BigDecimal amount, String currency, LocalDate dueOn, LocalDate paidOn) {
    }

    /** An AWARD invoice was issued for an enrolment known here; an unknown enrolment is ignored. */
    @Transactional
    public void invoiced(UUID enrolmentId, UUID invoiceId, String number, BigDecimal amount, String currency,
            LocalDate dueOn) {
        jdbc.sql("""
                insert into enrolment_fee (enrolment_id, invoice_id, invoice_number, amount, currency, due_on)
                select :e, :invoice, :number, :amount, :currency, :dueOn
                where exists (select 1 from enrolment where id = :e)
                on conflict (enrolment_id) do nothing""")
                .param("e", enrolmentId).param("invoice", invoiceId).param("number", number)
                .param("amount", amount).param("currency", currency).param("dueOn", Date.valueOf(dueOn)).update();
    }

    /** A payment was recorded against an invoice; only the fees' invoices change anything here. */
    @Transactional
    public void paid(UUID invoiceId, LocalDate paidOn) {
        jdbc.sql("update enrolment_fee set paid_on = :paidOn where invoice_id = :invoice")
                .param("invoice", invoiceId).param("paidOn", Date.valueOf(paidOn)).update();
    }

    Optional<Fee> of(UUID enrolmentId) {
        return jdbc.sql("select * from enrolment_fee where enrolment_id = :e").param("e", enrolmentId)
                .query((rs, row) -> {
                    Date paid = rs.getDate("paid_on");
                    return new Fee(rs.getString("invoice_number"), rs.getBigDecimal("amount"),
                            rs.getString("currency").strip(), rs.getDate("due_on").toLocalDate(),
                            paid == null ? null : paid.toLocalDate());
                }).optional();
    }
}

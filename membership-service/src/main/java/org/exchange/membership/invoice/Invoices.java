package org.exchange.membership.invoice;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.membership.invoice.Invoice.Payment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invoices, and the per-year counters that number them. */
@Repository
class Invoices {

    private final JdbcClient jdbc;

    Invoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next invoice number of a year. The year's counter row stays locked until the calling transaction ends,
     * so concurrent issues wait for each other, and a rolled-back issue gives its number back: no gaps.
     */
    int nextSequence(int year) {
        jdbc.sql("insert into invoice_counter (year, last_number) values (:year, 0) on conflict (year) do nothing")
                .param("year", year).update();
        int last = jdbc.sql("select last_number from invoice_counter where year = :year for update")
                .param("year", year).query(Integer.class).single();
        jdbc.sql("update invoice_counter set last_number = :next where year = :year")
                .param("next", last + 1).param("year", year).update();
        return last + 1;
    }

    Optional<Invoice> find(UUID id) {
        return jdbc.sql("select * from invoice where id = :id").param("id", id)
                .query((rs, row) -> invoice(rs)).optional();
    }

    /** Locks the invoice, so two admins recording the same payment record it once. */
    Optional<Invoice> findForUpdate(UUID id) {
        return jdbc.sql("select * from invoice where id = :id for update").param("id", id)
                .query((rs, row) -> invoice(rs)).optional();
    }

    List<Invoice> ofPractitioner(UUID practitionerId) {
        return jdbc.sql("select * from invoice where practitioner_id = :practitioner order by issued_at desc")
                .param("practitioner", practitionerId).query((rs, row) -> invoice(rs)).list();
    }

    List<Invoice> withStatus(Invoice.Status status) {
        return jdbc.sql("select * from invoice where status = :status order by number")
                .param("status", status.name()).query((rs, row) -> invoice(rs)).list();
    }

    List<Invoice> all() {
        return jdbc.sql("select * from invoice order by number").query((rs, row) -> invoice(rs)).list();
    }

    /** Paid amounts per membership year and currency. */
    List<InvoiceService.Revenue> revenueByMembershipYear() {
        return jdbc.sql("""
                select membership_year, currency, sum(amount) as total, count(*) as paid from invoice
                where status = 'PAID' group by membership_year, currency order by membership_year, currency""")
                .query((rs, row) -> new InvoiceService.Revenue(rs.getInt("membership_year"),
                        rs.getString("currency").strip(), rs.getBigDecimal("total"), rs.getInt("paid")))
                .list();
    }

    void add(Invoice invoice) {
        jdbc.sql("""
                insert into invoice (id, number, membership_id, practitioner_id, purpose, membership_year, amount,
                  currency, status, issued_on, due_on, issued_at)
                values (:id, :number, :membership, :practitioner, :purpose, :year, :amount, :currency, :status,
                  :issuedOn, :dueOn, :issuedAt)""")
                .param("id", invoice.id())
                .param("number", invoice.number())
                .param("membership", invoice.membershipId())
                .param("practitioner", invoice.practitionerId())
                .param("purpose", invoice.purpose().name())
                .param("year", invoice.membershipYear())
                .param("amount", invoice.amount())
                .param("currency", invoice.currency())
                .param("status", invoice.status().name())
                .param("issuedOn", Date.valueOf(invoice.issuedOn()))
                .param("dueOn", Date.valueOf(invoice.dueOn()))
                .param("issuedAt", Timestamp.from(invoice.issuedAt()))
                .update();
    }

    /** Notes which enrolment an AWARD invoice charges for. */
    void linkAward(UUID invoiceId, UUID enrolmentId, String programmeCode, String programmeTitle) {
        jdbc.sql("""
                insert into award_invoice (invoice_id, enrolment_id, programme_code, programme_title)
                values (:invoice, :enrolment, :code, :title)""")
                .param("invoice", invoiceId).param("enrolment", enrolmentId).param("code", programmeCode)
                .param("title", programmeTitle).update();
    }

    Optional<UUID> awardInvoiceOf(UUID enrolmentId) {
        return jdbc.sql("select invoice_id from award_invoice where enrolment_id = :enrolment")
                .param("enrolment", enrolmentId).query(UUID.class).optional();
    }

    void update(Invoice invoice) {
        Payment payment = invoice.payment();
        jdbc.sql("""
                update invoice set status = :status, payment_method = :method, payment_reference = :reference,
                  paid_on = :paidOn, payment_recorded_by = :recordedBy
                where id = :id""")
                .param("id", invoice.id())
                .param("status", invoice.status().name())
                .param("method", payment == null ? null : payment.method().name())
                .param("reference", payment == null ? null : payment.reference())
                .param("paidOn", payment == null ? null : Date.valueOf(payment.paidOn()))
                .param("recordedBy", payment == null ? null : payment.recordedBy())
                .update();
    }

    private static Invoice invoice(ResultSet rs) throws SQLException {
        Date paidOn = rs.getDate("paid_on");
        Payment payment = paidOn == null ? null : new Payment(Invoice.Method.valueOf(rs.getString("payment_method")),
                rs.getString("payment_reference"), paidOn.toLocalDate(),
                rs.getObject("payment_recorded_by", UUID.class));
        return new Invoice(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("membership_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                Invoice.Purpose.valueOf(rs.getString("purpose")), rs.getInt("membership_year"),
                rs.getBigDecimal("amount"), rs.getString("currency").strip(),
                Invoice.Status.valueOf(rs.getString("status")), rs.getDate("issued_on").toLocalDate(),
                rs.getDate("due_on").toLocalDate(), payment, rs.getTimestamp("issued_at").toInstant());
    }
}

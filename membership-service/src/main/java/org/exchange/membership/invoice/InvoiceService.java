package org.exchange.membership.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.membership.InvoiceIssued;
import org.exchange.contracts.membership.PaymentRecorded;
import org.exchange.membership.invoice.Invoice.Payment;
import org.exchange.membership.invoice.Invoice.Purpose;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues invoices with gap-free numbers and records their offline payment. */
@Service
public class InvoiceService {

    private final Invoices invoices;
    private final IntegrationEvents events;
    private final Clock clock;

    InvoiceService(Invoices invoices, IntegrationEvents events, Clock clock) {
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Issues an invoice numbered next in the year of issue; {@link InvoiceIssued} carries what the invoiced person
     * needs to be told.
     */
    @Transactional
    public Invoice issue(InvoiceRequest request) {
        return issue(request, null, null);
    }

    private Invoice issue(InvoiceRequest request, UUID enrolmentId, String programmeTitle) {
        LocalDate today = LocalDate.now(clock);
        int sequence = invoices.nextSequence(today.getYear());
        Invoice invoice = new Invoice(UUID.randomUUID(), Invoice.number(today.getYear(), sequence),
                request.membershipId(), request.practitionerId(), request.purpose(), request.membershipYear(),
                request.amount(), request.currency(), Invoice.Status.ISSUED, today,
                today.plusDays(request.paymentTermDays()), null, clock.instant());
        invoices.add(invoice);
        events.publish(invoice.id(), new InvoiceIssued(invoice.id(), invoice.number(), invoice.membershipId(),
                invoice.practitionerId(), request.email(), request.givenName(), invoice.purpose().name(),
                invoice.membershipYear(), invoice.amount(), invoice.currency(), invoice.issuedOn(), invoice.dueOn(),
                invoice.issuedAt(), enrolmentId, programmeTitle));
        return invoice;
    }

    /**
     * Issues the invoice for an ILM award programme's fee, numbered in the same gap-free sequence, once per enrolment
     * (docs/adr/0006): an enrolment invoiced before gets the invoice it has.
     */
    @Transactional
    public Invoice issueForAward(AwardInvoiceRequest request) {
        return invoices.awardInvoiceOf(request.enrolmentId()).flatMap(invoices::find).orElseGet(() -> {
            Invoice invoice = issue(new InvoiceRequest(null, request.practitionerId(), request.email(),
                    request.givenName(), Purpose.AWARD, LocalDate.now(clock).getYear(), request.amount(),
                    request.currency(), request.paymentTermDays()), request.enrolmentId(), request.programmeTitle());
            invoices.linkAward(invoice.id(), request.enrolmentId(), request.programmeCode(), request.programmeTitle());
            return invoice;
        });
    }

    /** Records the offline payment of an AWARD invoice; 409 for a membership's (recorded on the membership). */
    @Transactional
    public Invoice recordAwardPayment(UUID invoiceId, Payment payment) {
        if (find(invoiceId).purpose() != Purpose.AWARD) {
            throw new ConflictException("Invoice " + invoiceId + " is for a membership: record its payment there");
        }
        return recordPayment(invoiceId, payment);
    }

    /** Records that an issued invoice was paid; {@link PaymentRecorded} follows. 409 when it is not payable. */
    @Transactional
    public Invoice recordPayment(UUID invoiceId, Payment payment) {
        Invoice paid = invoices.findForUpdate(invoiceId).orElseThrow(() -> notFound(invoiceId)).pay(payment);
        invoices.update(paid);
        events.publish(paid.id(), new PaymentRecorded(paid.id(), paid.number(), paid.membershipId(),
                paid.practitionerId(), paid.amount(), paid.currency(), payment.method().name(), payment.reference(),
                payment.paidOn(), payment.recordedBy(), clock.instant()));
        return paid;
    }

    /** Cancels an unpaid invoice whose membership lapsed; its number stays used, so numbering keeps no gaps. */
    @Transactional
    public void cancel(UUID invoiceId) {
        invoices.findForUpdate(invoiceId).map(Invoice::cancel).ifPresent(invoices::update);
    }

    @Transactional(readOnly = true)
    public Invoice find(UUID invoiceId) {
        return invoices.find(invoiceId).orElseThrow(() -> notFound(invoiceId));
    }

    @Transactional(readOnly = true)
    public List<Invoice> ofPractitioner(UUID practitionerId) {
        return invoices.ofPractitioner(practitionerId);
    }

    /** Invoices with a status, or all of them when the status is null, in number order. */
    @Transactional(readOnly = true)
    public List<Invoice> list(Invoice.Status status) {
        return status == null ? invoices.all() : invoices.withStatus(status);
    }

    /** What was paid per membership year. */
    @Transactional(readOnly = true)
    public List<Revenue> revenueByMembershipYear() {
        return invoices.revenueByMembershipYear();
    }

    private static NotFoundException notFound(UUID invoiceId) {
        return new NotFoundException("There is no invoice " + invoiceId);
    }

    /**
     * What to invoice, and whom to tell.
     *
     * @param paymentTermDays how many days after issue payment is due
     */
    public record InvoiceRequest(UUID membershipId, UUID practitionerId, String email, String givenName,
            Purpose purpose, int membershipYear, BigDecimal amount, String currency, int paymentTermDays) {
    }

    /** What to invoice for an award programme's fee, and whom to tell. */
    public record AwardInvoiceRequest(UUID enrolmentId, String programmeCode, String programmeTitle,
            UUID practitionerId, String email, String givenName, BigDecimal amount, String currency,
            int paymentTermDays) {
    }

    /** The fees paid for one membership year in one currency. */
    public record Revenue(int membershipYear, String currency, BigDecimal total, int invoicesPaid) {
    }
}

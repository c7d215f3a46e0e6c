package org.exchange.membership.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.accreditation.EnrolmentAccepted;
import org.exchange.membership.cpd.CpdService;
import org.exchange.membership.invoice.InvoiceService;
import org.exchange.membership.invoice.InvoiceService.AwardInvoiceRequest;
import org.exchange.membership.membership.MembershipService;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.inbox.Inbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Accreditation's events: an ILM award makes its holder eligible for membership and is a CPD milestone; an accepted
 * enrolment is invoiced here, where every invoice is numbered (docs/adr/0006).
 */
@Component
class AccreditationEvents {

    private final Inbox inbox;
    private final MembershipService memberships;
    private final CpdService cpd;
    private final InvoiceService invoices;
    private final PractitionerService practitioners;
    private final int paymentTermDays;

    AccreditationEvents(Inbox inbox, MembershipService memberships, CpdService cpd, InvoiceService invoices,
            PractitionerService practitioners, @Value("${exchange.membership.payment-term-days}") int paymentTermDays) {
        this.inbox = inbox;
        this.memberships = memberships;
        this.cpd = cpd;
        this.invoices = invoices;
        this.practitioners = practitioners;
        this.paymentTermDays = paymentTermDays;
    }

    @KafkaListener(topics = Topics.ACCREDITATION)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record, on(AwardCompleted.class, award -> {
            memberships.awardCompleted(award);
            cpd.awardCompleted(award);
        }), on(EnrolmentAccepted.class, this::invoice));
    }

    private void invoice(EnrolmentAccepted accepted) {
        Practitioner candidate = practitioners.find(accepted.practitionerId()).orElse(null);
        invoices.issueForAward(new AwardInvoiceRequest(accepted.enrolmentId(), accepted.programmeCode(),
                accepted.programmeTitle(), accepted.practitionerId(), candidate == null ? null : candidate.email(),
                candidate == null ? null : candidate.givenName(), accepted.feeAmount(), accepted.currency(),
                paymentTermDays));
    }
}

package org.exchange.accreditation.events;

import static org.exchange.platform.inbox.EventHandler.on;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.accreditation.credential.CredentialService;
import org.exchange.accreditation.directory.Directory;
import org.exchange.accreditation.enrolment.EnrolmentService;
import org.exchange.accreditation.enrolment.Fees;
import org.exchange.accreditation.workshop.Workshops;
import org.exchange.contracts.Topics;
import org.exchange.contracts.membership.AppointmentWithdrawn;
import org.exchange.contracts.membership.InvoiceIssued;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.PaymentRecorded;
import org.exchange.contracts.membership.PractitionerAppointed;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.platform.erasure.PlatformErasure;
import org.exchange.platform.inbox.Inbox;
import org.exchange.platform.security.Caller;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Membership's events: who people are and their organisations, who is appointed assessor (the panel picker), the
 * programme fees' invoices and payments, and requests to be forgotten.
 */
@Component
class MembershipEvents {

    private final Inbox inbox;
    private final Directory directory;
    private final EnrolmentService enrolments;
    private final CredentialService credentials;
    private final Fees fees;
    private final Workshops workshops;
    private final PlatformErasure platformErasure;
    private final Clock clock;

    MembershipEvents(Inbox inbox, Directory directory, EnrolmentService enrolments, CredentialService credentials,
            Fees fees, Workshops workshops, PlatformErasure platformErasure, Clock clock) {
        this.platformErasure = platformErasure;
        this.inbox = inbox;
        this.directory = directory;
        this.enrolments = enrolments;
        this.credentials = credentials;
        this.fees = fees;
        this.workshops = workshops;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(PractitionerRegistered.class, p -> directory.savePerson(p.practitionerId(), p.givenName(),
                        p.familyName(), p.email(), p.organisationId(), clock.instant())),
                on(PractitionerProfileUpdated.class, p -> directory.savePerson(p.practitionerId(), p.givenName(),
                        p.familyName(), p.email(), p.organisationId(), clock.instant())),
                on(OrganisationRegistered.class, o -> directory.saveOrganisation(o.organisationId(), o.name(),
                        clock.instant())),
                on(PractitionerAppointed.class, a -> {
                    if (Caller.ROLE_ASSESSOR.equals(a.role())) {
                        directory.setAssessor(a.practitionerId(), true, clock.instant());
                    }
                }),
                on(AppointmentWithdrawn.class, a -> {
                    if (Caller.ROLE_ASSESSOR.equals(a.role())) {
                        directory.setAssessor(a.practitionerId(), false, clock.instant());
                    }
                }),
                on(InvoiceIssued.class, invoice -> {
                    if (invoice.enrolmentId() != null) {
                        fees.invoiced(invoice.enrolmentId(), invoice.invoiceId(), invoice.invoiceNumber(),
                                invoice.amount(), invoice.currency(), invoice.dueOn());
                    }
                }),
                on(PaymentRecorded.class, payment -> fees.paid(payment.invoiceId(), payment.paidOn())),
                on(PractitionerErasureRequested.class, this::erase));
    }

    /** What this context keeps of a person goes, but for awards ILM confirmed, kept pseudonymised (docs/adr/0007). */
    private void erase(PractitionerErasureRequested request) {
        directory.erase(request.practitionerId(), clock.instant());
        enrolments.erase(request.practitionerId());
        credentials.erase(request.practitionerId());
        // the workshops an award rests on stay with it, as its workshop counts; without an award they serve nothing
        if (!enrolments.holdsAnAward(request.practitionerId())) {
            workshops.forget(request.practitionerId());
        }
        platformErasure.forget(request.practitionerId());
    }
}

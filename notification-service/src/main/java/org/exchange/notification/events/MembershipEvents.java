package org.exchange.notification.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.membership.InvoiceIssued;
import org.exchange.contracts.membership.MembershipActivated;
import org.exchange.contracts.membership.MembershipLapsed;
import org.exchange.contracts.membership.MembershipRenewalDue;
import org.exchange.contracts.membership.MembershipRenewed;
import org.exchange.contracts.membership.OrganisationRegistered;
import org.exchange.contracts.membership.PaymentRecorded;
import org.exchange.contracts.membership.PractitionerErasureRequested;
import org.exchange.contracts.membership.PractitionerProfileUpdated;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.notification.erasure.Erasure;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.preference.Category;
import org.exchange.notification.preference.Preferences;
import org.exchange.notification.programme.ProgrammeNews;
import org.exchange.notification.recipient.Recipients;
import org.exchange.notification.wording.Wording;
import org.exchange.platform.inbox.EventMetadata;
import org.exchange.platform.inbox.Inbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Membership's events: who can be notified and how (the recipient read model, newsletter consent, erasure), and what
 * members are told about their membership, their invoices and their payments.
 */
@Component
class MembershipEvents {

    private final Inbox inbox;
    private final Recipients recipients;
    private final Preferences preferences;
    private final Notifier notifier;
    private final Erasure erasure;
    private final ProgrammeNews programme;
    private final String portal;
    private final BankTransfer bankTransfer;

    MembershipEvents(Inbox inbox, Recipients recipients, Preferences preferences, Notifier notifier, Erasure erasure,
            ProgrammeNews programme,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String portal,
            @Value("${exchange.notification.bank-transfer.account-name}") String accountName,
            @Value("${exchange.notification.bank-transfer.sort-code}") String sortCode,
            @Value("${exchange.notification.bank-transfer.account-number}") String accountNumber) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.preferences = preferences;
        this.notifier = notifier;
        this.erasure = erasure;
        this.programme = programme;
        this.portal = portal;
        this.bankTransfer = new BankTransfer(accountName, sortCode, accountNumber);
    }

    /** The programme's account that members pay invoices into. */
    record BankTransfer(String accountName, String sortCode, String accountNumber) {
    }

    @KafkaListener(topics = Topics.MEMBERSHIP)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record,
                on(PractitionerRegistered.class, this::welcome),
                on(PractitionerProfileUpdated.class, this::profileUpdated),
                on(PractitionerErasureRequested.class, this::erase),
                on(MembershipActivated.class, this::activated),
                on(MembershipRenewalDue.class, this::renewalDue),
                on(MembershipRenewed.class, this::renewed),
                on(MembershipLapsed.class, this::lapsed),
                on(InvoiceIssued.class, this::invoiceIssued),
                on(PaymentRecorded.class, this::paymentRecorded),
                on(OrganisationRegistered.class, this::organisationRegistered));
    }

    private void organisationRegistered(OrganisationRegistered organisation, EventMetadata event) {
        programme.saveOrganisation(new ProgrammeNews.Organisation(organisation.organisationId(), organisation.name()));
    }

    private void welcome(PractitionerRegistered registered, EventMetadata event) {
        recipients.save(registered.practitionerId(), registered.email(), registered.givenName(),
                registered.familyName());
        programme.worksFor(registered.practitionerId(), registered.organisationId());
        notifier.notify(registered.practitionerId(), Category.WELCOME, "Welcome to the Exchange", person -> """
                Hello %s,

                Welcome to the Exchange, the home of practitioner-led professional learning.

                From your dashboard you can take your baseline self-assessment against the Professional Standards,
                find the Professional Exchange nearest to you, join a subject or thematic group, and follow your
                progress towards the ILM awards in Practitioner-Led Learning Exchange.

                We look forward to learning with you.

                The Exchange team
                """.formatted(person.greetingName()),
                event.id());
    }

    private void profileUpdated(PractitionerProfileUpdated profile, EventMetadata event) {
        recipients.save(profile.practitionerId(), profile.email(), profile.givenName(), profile.familyName());
        programme.worksFor(profile.practitionerId(), profile.organisationId());
        // the newsletter goes only to people who agreed to it; their profile is where they say so
        preferences.set(profile.practitionerId(), Category.NEWSLETTER, profile.newsletterConsent(),
                profile.updatedAt() == null ? event.time() : profile.updatedAt());
    }

    private void erase(PractitionerErasureRequested request, EventMetadata event) {
        erasure.erase(request.practitionerId(), request.requestedAt() == null ? event.time() : request.requestedAt());
    }

    private void activated(MembershipActivated activated, EventMetadata event) {
        recipients.refreshContact(activated.practitionerId(), activated.email(), activated.givenName());
        programme.membership(activated.practitionerId(), true, activated.expiresOn(),
                activated.activatedAt() == null ? event.time() : activated.activatedAt());
        notifier.notify(activated.practitionerId(), Category.MEMBERSHIP, "Welcome to the Learning Exchange",
                person -> """
                        Hello %s,

                        Thank you: your payment has been received and you are now a member of the Learning Exchange,
                        the community of practice for practitioner-led professional learning.

                        Your membership runs from %s to %s.

                        Keep your CPD record up to date over the year: renewal asks for evidence of your continuing
                        professional development, and we will remind you before your membership ends.

                        We are delighted to have you with us.

                        The Exchange team
                        """.formatted(person.greetingName(), Wording.date(activated.startsOn()),
                        Wording.date(activated.expiresOn())),
                event.id());
    }

    private void renewalDue(MembershipRenewalDue due, EventMetadata event) {
        recipients.refreshContact(due.practitionerId(), due.email(), due.givenName());
        String expires = Wording.date(due.expiresOn());
        String title = (due.reminder() > 1 ? "Reminder: your" : "Your") + " Learning Exchange membership ends on "
                + expires;
        // reminders have a category of their own, which a member may switch off; the lapse notice is always sent
        notifier.notify(due.practitionerId(), Category.RENEWAL, title, person -> """
                Hello %s,

                Your Learning Exchange membership ends on %s. To stay a member, please renew before then.

                What renewal needs: evidence of your continuing professional development over the past year, that
                is at least %s hours of CPD in your CPD record, with your reflections on what you learned and how it
                changed your practice. Meetings and development days you attended are already in your record; add
                anything else you did, such as courses, peer observation, coaching or reading.

                When your record is ready, submit your renewal from the Membership page of the portal (%s).
                A programme admin reviews your CPD evidence, and then we send you an invoice for the renewal fee.

                If your membership is not renewed by %s, it will lapse.

                With best wishes,
                The Exchange team
                """.formatted(person.greetingName(), expires, Wording.hours(due.minimumCpdHours()), portal,
                Wording.date(due.lapsesAfter())),
                event.id());
    }

    private void renewed(MembershipRenewed renewed, EventMetadata event) {
        recipients.refreshContact(renewed.practitionerId(), renewed.email(), renewed.givenName());
        programme.membership(renewed.practitionerId(), true, renewed.expiresOn(),
                renewed.renewedAt() == null ? event.time() : renewed.renewedAt());
        notifier.notify(renewed.practitionerId(), Category.MEMBERSHIP, "Your Learning Exchange membership is renewed",
                person -> """
                        Hello %s,

                        Thank you for renewing: your payment has been received and your Learning Exchange membership
                        now runs from %s to %s.

                        Thank you for another year of learning with us.

                        The Exchange team
                        """.formatted(person.greetingName(), Wording.date(renewed.startsOn()),
                        Wording.date(renewed.expiresOn())),
                event.id());
    }

    private void lapsed(MembershipLapsed lapsed, EventMetadata event) {
        recipients.refreshContact(lapsed.practitionerId(), lapsed.email(), lapsed.givenName());
        programme.membership(lapsed.practitionerId(), false, null,
                lapsed.lapsedAt() == null ? event.time() : lapsed.lapsedAt());
        notifier.notify(lapsed.practitionerId(), Category.MEMBERSHIP, "Your Learning Exchange membership has lapsed",
                person -> """
                        Hello %s,

                        Your Learning Exchange membership ended on %s and, as it was not renewed during the grace
                        period, it has now lapsed.

                        You can still sign in to the portal, and your CPD record is kept. You would be very welcome
                        back: you can apply to rejoin from the Membership page of the portal (%s) at any time.

                        With best wishes,
                        The Exchange team
                        """.formatted(person.greetingName(), Wording.date(lapsed.expiredOn()), portal),
                event.id());
    }

    private void invoiceIssued(InvoiceIssued invoice, EventMetadata event) {
        recipients.refreshContact(invoice.practitionerId(), invoice.email(), invoice.givenName());
        if ("AWARD".equals(invoice.purpose())) {
            awardInvoiceIssued(invoice, event);
            return;
        }
        boolean renewal = "RENEWAL".equals(invoice.purpose());
        notifier.notify(invoice.practitionerId(), Category.INVOICE,
                "Invoice " + invoice.invoiceNumber() + " for your Learning Exchange membership", person -> """
                        Hello %s,

                        Thank you for %s. Here is your invoice for the membership fee.

                        %s

                        Please use the invoice number as your payment reference, so that we can match your payment
                        to your invoice. We will send you a receipt as soon as your payment has been recorded, and
                        your membership %s from the day you pay. If you need to pay another way, please contact your
                        programme admin.

                        You can also see this invoice on the Membership page of the portal (%s).

                        The Exchange team
                        """.formatted(person.greetingName(),
                        renewal ? "renewing your Learning Exchange membership" : "joining the Learning Exchange",
                        invoiceDetails(invoice, "Learning Exchange membership, %d membership year%s"
                                .formatted(invoice.membershipYear(), renewal ? " (renewal)" : "")),
                        renewal ? "continues for another year" : "starts for one year", portal),
                event.id());
    }

    /** The invoice for an ILM award programme's fee (docs/adr/0006). */
    private void awardInvoiceIssued(InvoiceIssued invoice, EventMetadata event) {
        notifier.notify(invoice.practitionerId(), Category.INVOICE,
                "Invoice " + invoice.invoiceNumber() + " for the " + invoice.programmeTitle(), person -> """
                        Hello %s,

                        Thank you for enrolling on the %s. Here is your invoice for the programme's fee.

                        %s

                        Please use the invoice number as your payment reference. We will send you a receipt as soon
                        as your payment has been recorded. You can also see this invoice on the Membership page of
                        the portal (%s).

                        The Exchange team
                        """.formatted(person.greetingName(), invoice.programmeTitle(),
                        invoiceDetails(invoice, invoice.programmeTitle()), portal),
                event.id());
    }

    /** The lines every invoice e-mail gives: what it is for, how much, when, and how to pay it. */
    private String invoiceDetails(InvoiceIssued invoice, String forWhat) {
        return """
                Invoice number:  %s
                For:             %s
                Amount due:      %s (inclusive)
                Issued on:       %s
                Payment due by:  %s

                How to pay by bank transfer
                Account name:    %s
                Sort code:       %s
                Account number:  %s
                Reference:       %s""".formatted(invoice.invoiceNumber(), forWhat,
                Wording.money(invoice.amount(), invoice.currency()), Wording.date(invoice.issuedOn()),
                Wording.date(invoice.dueOn()), bankTransfer.accountName(), bankTransfer.sortCode(),
                bankTransfer.accountNumber(), invoice.invoiceNumber());
    }

    private void paymentRecorded(PaymentRecorded payment, EventMetadata event) {
        String reference = payment.reference() == null || payment.reference().isBlank()
                ? "" : " (reference " + payment.reference() + ")";
        notifier.notify(payment.practitionerId(), Category.INVOICE, "Receipt for invoice " + payment.invoiceNumber(),
                person -> """
                        Hello %s,

                        Thank you: we have received your payment and recorded it against your invoice.

                        Invoice number:  %s
                        Amount paid:     %s
                        Paid on:         %s
                        Paid by:         %s%s

                        Please keep this e-mail as your receipt.

                        The Exchange team
                        """.formatted(person.greetingName(), payment.invoiceNumber(),
                        Wording.money(payment.amount(), payment.currency()), Wording.date(payment.paidOn()),
                        Wording.paymentMethod(payment.method()), reference),
                event.id());
    }
}

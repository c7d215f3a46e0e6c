package org.exchange.membership.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.accreditation.AwardCompleted;
import org.exchange.contracts.membership.MembershipActivated;
import org.exchange.contracts.membership.MembershipApplied;
import org.exchange.contracts.membership.MembershipLapsed;
import org.exchange.contracts.membership.MembershipRenewalDue;
import org.exchange.contracts.membership.MembershipRenewed;
import org.exchange.contracts.membership.MembershipStatusChanged;
import org.exchange.membership.access.Access;
import org.exchange.membership.cpd.CpdService;
import org.exchange.membership.cpd.CpdSummary;
import org.exchange.membership.invoice.Invoice;
import org.exchange.membership.invoice.Invoice.Payment;
import org.exchange.membership.invoice.Invoice.Purpose;
import org.exchange.membership.invoice.InvoiceService;
import org.exchange.membership.invoice.InvoiceService.InvoiceRequest;
import org.exchange.membership.practitioner.Practitioner;
import org.exchange.membership.practitioner.PractitionerService;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the Learning Exchange membership. Every change of status is recorded in the audit trail and published
 * as {@link MembershipStatusChanged}, beside the specific event its consumers need.
 */
@Service
public class MembershipService {

    private final Memberships memberships;
    private final PractitionerService practitioners;
    private final InvoiceService invoices;
    private final CpdService cpd;
    private final MembershipTerms terms;
    private final IntegrationEvents events;
    private final Clock clock;

    MembershipService(Memberships memberships, PractitionerService practitioners, InvoiceService invoices,
            CpdService cpd, MembershipTerms terms, IntegrationEvents events, Clock clock) {
        this.memberships = memberships;
        this.practitioners = practitioners;
        this.invoices = invoices;
        this.cpd = cpd;
        this.terms = terms;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The caller applies. Holding an ILM award makes them eligible at once and issues the invoice; otherwise their
     * evidence of equivalent training and experience waits for a programme admin.
     */
    @Transactional
    public Membership apply(Caller caller, String evidence) {
        Practitioner practitioner = practitioners.me(caller);
        if (practitioner.isErased()) {
            throw new ConflictException("This profile was erased at your request");
        }
        Optional<String> award = memberships.awardHeldBy(practitioner.id());
        EligibilityBasis basis = award.isPresent() ? EligibilityBasis.ILM_AWARD : EligibilityBasis.EQUIVALENT_EVIDENCE;
        if (award.isEmpty() && (evidence == null || evidence.isBlank())) {
            throw new InvalidRequestException("Without an ILM award in Practitioner-Led Learning Exchange, describe"
                    + " your equivalent training and experience");
        }
        String actor = caller.subjectId().toString();
        Optional<Membership> existing = memberships.ofPractitioner(practitioner.id());
        Membership applied;
        if (existing.isPresent()) {
            applied = change(existing.get(), existing.get().reapply(basis, evidence, clock.instant()), actor,
                    "Applied again");
        } else {
            Membership application = Membership.apply(UUID.randomUUID(), practitioner.id(), basis, evidence,
                    clock.instant());
            memberships.add(application);
            applied = memberships.find(application.id()).orElseThrow();
            audit(null, applied, actor, "Applied");
        }
        events.publish(applied.id(), new MembershipApplied(applied.id(), applied.practitionerId(),
                applied.basis().name(), applied.appliedAt()));
        return award.isPresent() ? approve(applied, Transition.SYSTEM, "Holds the " + award.get()) : applied;
    }

    /** A programme admin approves or rejects an application on equivalent evidence, with a reason. */
    @Transactional
    public Membership reviewEligibility(Caller admin, UUID membershipId, boolean approved, String reason) {
        Access.requireProgrammeAdmin(admin);
        Membership membership = existing(membershipId);
        String actor = admin.subjectId().toString();
        return approved ? approve(membership, actor, reason)
                : change(membership, membership.rejectEligibility(), actor, reason);
    }

    /**
     * The member submits their CPD over the membership year for renewal. Refused (409) when the record lacks the
     * hours or the reflections the terms ask for.
     */
    @Transactional
    public Membership submitRenewal(Caller caller, String statement) {
        Membership membership = memberships.ofPractitioner(caller.subjectId())
                .orElseThrow(() -> new NotFoundException("You have no membership to renew"));
        membership.require("be submitted for renewal", MembershipStatus.RENEWAL_DUE);
        CpdSummary evidence = cpdOfMembershipYear(membership);
        List<String> shortfalls = RenewalEvidencePolicy.of(terms).shortfalls(evidence);
        if (!shortfalls.isEmpty()) {
            throw new ConflictException("Your CPD record is not yet enough for renewal: " + String.join("; ", shortfalls));
        }
        return change(membership, membership.submitRenewal(statement), caller.subjectId().toString(),
                "CPD submitted: %s hours, %d reflections".formatted(evidence.totalHours().toPlainString(),
                        evidence.reflections()));
    }

    /** A programme admin approves the CPD evidence (the renewal invoice is issued) or sends it back, with a reason. */
    @Transactional
    public Membership reviewRenewal(Caller admin, UUID membershipId, boolean approved, String reason) {
        Access.requireProgrammeAdmin(admin);
        Membership membership = existing(membershipId);
        String actor = admin.subjectId().toString();
        if (!approved) {
            return change(membership, membership.rejectRenewal(), actor, reason);
        }
        membership.require("have its renewal approved", MembershipStatus.RENEWAL_SUBMITTED);
        int membershipYear = membership.expiresOn().plusDays(1).getYear();
        Invoice invoice = issueInvoice(membership, Purpose.RENEWAL, membershipYear);
        return change(membership, membership.approveRenewal(invoice.id()), actor, reason);
    }

    /**
     * A programme admin records the payment of a membership invoice: a first payment makes a member for a year from
     * payment, a renewal payment adds a year.
     */
    @Transactional
    public Membership recordPayment(Caller admin, UUID invoiceId, Invoice.Method method, String reference,
            LocalDate paidOn) {
        Access.requireProgrammeAdmin(admin);
        if (paidOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("A payment cannot be recorded before it is made");
        }
        Invoice invoice = invoices.recordPayment(invoiceId,
                new Payment(method, reference, paidOn, admin.subjectId()));
        Membership membership = existing(invoice.membershipId());
        if (!invoiceId.equals(membership.invoiceId())) {
            throw new ConflictException("Invoice " + invoice.number() + " is not the one this membership waits for");
        }
        boolean first = membership.isFirstPayment();
        Membership paid = change(membership, membership.paid(paidOn), admin.subjectId().toString(),
                "Payment of " + invoice.number() + " by " + method + (reference == null ? "" : " ref. " + reference));
        Practitioner member = person(paid);
        if (first) {
            events.publish(paid.id(), new MembershipActivated(paid.id(), paid.practitionerId(), member.email(),
                    member.givenName(), paid.startedOn(), paid.expiresOn(), invoiceId, clock.instant()));
        } else {
            events.publish(paid.id(), new MembershipRenewed(paid.id(), paid.practitionerId(), member.email(),
                    member.givenName(), paid.startedOn(), paid.expiresOn(), invoiceId, clock.instant()));
        }
        return paid;
    }

    /** Memberships whose expiry is near enough for a renewal reminder or a lapse, as of the clock's today. */
    @Transactional(readOnly = true)
    public List<UUID> renewalCandidates() {
        LocalDate today = LocalDate.now(clock);
        return memberships.membersExpiringBy(today.plusDays(terms.firstReminderDays())).stream()
                .map(Membership::id).toList();
    }

    /**
     * Asks a member near expiry to renew ({@link MembershipRenewalDue}), or lapses a membership whose grace period
     * has passed ({@link MembershipLapsed}), as of the clock's today. Calling it again the same day changes nothing.
     */
    @Transactional
    public RenewalStep remindOrLapse(UUID membershipId) {
        LocalDate today = LocalDate.now(clock);
        Membership membership = existing(membershipId);
        if (membership.hasLapsedBy(today, terms.gracePeriodDays())) {
            lapse(membership);
            return RenewalStep.LAPSED;
        }
        if (membership.isOwedRenewalReminder(today, terms.renewalReminderDays())) {
            remind(membership, today);
            return RenewalStep.REMINDED;
        }
        return RenewalStep.NOTHING;
    }

    /** An ILM award makes its holder eligible; an application waiting on equivalent evidence is approved by it. */
    @Transactional
    public void awardCompleted(AwardCompleted award) {
        memberships.addAward(award.enrolmentId(), award.practitionerId(), award.programmeCode(),
                award.programmeTitle(), award.awardedOn());
        memberships.ofPractitioner(award.practitionerId())
                .filter(membership -> membership.status() == MembershipStatus.APPLIED)
                .ifPresent(membership -> approve(membership, Transition.SYSTEM,
                        "Holds the " + award.programmeTitle()));
    }

    @Transactional(readOnly = true)
    public Optional<Membership> ofPractitioner(UUID practitionerId) {
        return memberships.ofPractitioner(practitionerId);
    }

    @Transactional(readOnly = true)
    public Membership find(UUID membershipId) {
        return existing(membershipId);
    }

    @Transactional(readOnly = true)
    public List<Membership> withStatus(Collection<MembershipStatus> statuses) {
        return memberships.withStatus(statuses);
    }

    /** Members whose membership year ends between two days, both included. */
    @Transactional(readOnly = true)
    public List<Membership> expiringBetween(LocalDate from, LocalDate to) {
        return memberships.expiringBetween(from, to);
    }

    @Transactional(readOnly = true)
    public List<Transition> history(UUID membershipId) {
        return memberships.history(membershipId);
    }

    /** The CPD that counts towards renewing a membership: since the current membership year began. */
    @Transactional(readOnly = true)
    public CpdSummary cpdOfMembershipYear(Membership membership) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = membership.startedOn() == null ? today : membership.startedOn();
        return cpd.summary(membership.practitionerId(), from, today);
    }

    public MembershipTerms terms() {
        return terms;
    }

    /**
     * Ends the membership of someone who asked to be forgotten, so that nobody goes on reviewing, invoicing or
     * reminding them (an application or an unpaid first year is withdrawn, a membership lapses, an unpaid invoice is
     * cancelled), then drops what they wrote in their application and renewals; statuses and dates keep counting.
     */
    @Transactional
    public void erasePersonalData(UUID practitionerId) {
        memberships.ofPractitioner(practitionerId).ifPresent(membership -> {
            Membership ended = membership.endedOnErasure();
            if (ended.status() != membership.status()) {
                if (membership.invoiceId() != null && (membership.status() == MembershipStatus.AWAITING_PAYMENT
                        || membership.status() == MembershipStatus.RENEWAL_PAYMENT)) {
                    invoices.cancel(membership.invoiceId());
                }
                change(membership, ended, Transition.SYSTEM, "Ended: the person asked to be forgotten");
            }
        });
        memberships.erasePersonalData(practitionerId);
    }

    private Membership approve(Membership membership, String actor, String reason) {
        membership.require("be approved as eligible", MembershipStatus.APPLIED);
        Invoice invoice = issueInvoice(membership, Purpose.MEMBERSHIP, LocalDate.now(clock).getYear());
        return change(membership, membership.approveEligibility(invoice.id()), actor, reason);
    }

    private void remind(Membership membership, LocalDate today) {
        Membership reminded = membership.remind(today, terms.renewalReminderDays());
        Membership due = membership.status() == MembershipStatus.ACTIVE
                ? change(membership, reminded, Transition.SYSTEM, "Expires on " + membership.expiresOn())
                : memberships.update(reminded);
        Practitioner member = person(due);
        events.publish(due.id(), new MembershipRenewalDue(due.id(), due.practitionerId(), member.email(),
                member.givenName(), due.expiresOn(), due.lapsesAfter(terms.gracePeriodDays()),
                terms.minimumCpdHours(), due.remindersSent(), clock.instant()));
    }

    private void lapse(Membership membership) {
        if (membership.status() == MembershipStatus.RENEWAL_PAYMENT && membership.invoiceId() != null) {
            invoices.cancel(membership.invoiceId());
        }
        Membership lapsed = change(membership, membership.lapse(), Transition.SYSTEM,
                "Not renewed within %d days after expiry on %s".formatted(terms.gracePeriodDays(),
                        membership.expiresOn()));
        Practitioner member = person(lapsed);
        events.publish(lapsed.id(), new MembershipLapsed(lapsed.id(), lapsed.practitionerId(), member.email(),
                member.givenName(), lapsed.expiresOn(), clock.instant()));
    }

    private Invoice issueInvoice(Membership membership, Purpose purpose, int membershipYear) {
        Practitioner member = person(membership);
        return invoices.issue(new InvoiceRequest(membership.id(), membership.practitionerId(), member.email(),
                member.givenName(), purpose, membershipYear, terms.feeFor(membershipYear), terms.currency(),
                terms.paymentTermDays()));
    }

    /** Saves a change of status with its audit entry and its event. */
    private Membership change(Membership before, Membership after, String actor, String reason) {
        Membership saved = memberships.update(after);
        audit(before.status(), saved, actor, reason);
        return saved;
    }

    private void audit(MembershipStatus from, Membership after, String actor, String reason) {
        Transition transition = new Transition(after.id(), from, after.status(), actor, reason, clock.instant());
        memberships.record(transition);
        events.publish(after.id(), new MembershipStatusChanged(after.id(), after.practitionerId(),
                from == null ? null : from.name(), after.status().name(), actor, reason, transition.at()));
    }

    private Practitioner person(Membership membership) {
        return practitioners.find(membership.practitionerId()).orElseThrow(
                () -> new IllegalStateException("Membership " + membership.id() + " has no practitioner"));
    }

    private Membership existing(UUID membershipId) {
        return memberships.find(membershipId)
                .orElseThrow(() -> new NotFoundException("There is no membership " + membershipId));
    }

    /** What the renewal job did to one membership. */
    public enum RenewalStep { REMINDED, LAPSED, NOTHING }
}

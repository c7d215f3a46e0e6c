package org.exchange.membership.membership;

import static org.exchange.membership.membership.MembershipStatus.ACTIVE;
import static org.exchange.membership.membership.MembershipStatus.APPLIED;
import static org.exchange.membership.membership.MembershipStatus.AWAITING_PAYMENT;
import static org.exchange.membership.membership.MembershipStatus.LAPSED;
import static org.exchange.membership.membership.MembershipStatus.REJECTED;
import static org.exchange.membership.membership.MembershipStatus.RENEWAL_DUE;
import static org.exchange.membership.membership.MembershipStatus.RENEWAL_PAYMENT;
import static org.exchange.membership.membership.MembershipStatus.RENEWAL_SUBMITTED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * A practitioner's Learning Exchange membership and the rules of its life: applied, eligible and awaiting payment,
 * active for a year from payment, due for renewal before expiry, renewed on CPD evidence and a further payment, or
 * lapsed after the grace period. A move the rules do not allow is a {@link ConflictException} (409).
 *
 * @param evidence the equivalent training and experience the practitioner described, or null
 * @param renewalStatement what the member said when submitting their CPD for renewal, or null
 * @param startedOn the first day of the current membership year, or null before the first payment
 * @param expiresOn the last day of the current membership year, or null before the first payment
 * @param invoiceId the invoice of the current application or renewal, or null
 * @param remindersSent how many renewal reminders the current membership year has had
 * @param version for optimistic locking: the admin and the scheduled job may act at the same time
 */
public record Membership(
        UUID id,
        UUID practitionerId,
        MembershipStatus status,
        EligibilityBasis basis,
        String evidence,
        String renewalStatement,
        LocalDate startedOn,
        LocalDate expiresOn,
        UUID invoiceId,
        Instant appliedAt,
        int remindersSent,
        int version) {

    static Membership apply(UUID id, UUID practitionerId, EligibilityBasis basis, String evidence, Instant now) {
        return new Membership(id, practitionerId, APPLIED, basis, evidence, null, null, null, null, now, 0, 0);
    }

    /** A rejected or lapsed practitioner applies again. */
    Membership reapply(EligibilityBasis newBasis, String newEvidence, Instant now) {
        require("apply again", REJECTED, LAPSED);
        return new Membership(id, practitionerId, APPLIED, newBasis, newEvidence, null, startedOn, expiresOn, null,
                now, 0, version);
    }

    /** Eligibility approved: the first year's invoice is issued. */
    Membership approveEligibility(UUID invoice) {
        require("be approved as eligible", APPLIED);
        return with(AWAITING_PAYMENT, invoice);
    }

    Membership rejectEligibility() {
        require("be rejected", APPLIED);
        return with(REJECTED, null);
    }

    /** Whether the payment of the current invoice makes a new member ({@code false}: it renews a membership). */
    boolean isFirstPayment() {
        return status == AWAITING_PAYMENT;
    }

    /**
     * The current invoice was paid. A first payment starts a year from the payment day; a renewal adds a year to the
     * current one, or starts a year from payment when it comes during the grace period.
     */
    Membership paid(LocalDate paidOn) {
        require("take a payment", AWAITING_PAYMENT, RENEWAL_PAYMENT);
        if (paidOn.isAfter(LocalDate.MAX.minusYears(2))) {
            // found by fuzzing: the membership year would run off the calendar (a 500)
            throw new InvalidRequestException("A payment on " + paidOn + " is too far in the future");
        }
        LocalDate starts = status == AWAITING_PAYMENT || paidOn.isAfter(expiresOn) ? paidOn : expiresOn.plusDays(1);
        return new Membership(id, practitionerId, ACTIVE, basis, evidence, renewalStatement, starts,
                starts.plusYears(1).minusDays(1), invoiceId, appliedAt, 0, version);
    }

    /**
     * Whether a member is owed a renewal reminder: one per threshold passed (such as 30 and 7 days before expiry), a
     * single reminder when the job missed several. The first makes the membership due for renewal; later ones
     * remind a member who has not yet submitted.
     */
    boolean isOwedRenewalReminder(LocalDate today, List<Integer> reminderDays) {
        return (status == ACTIVE || status == RENEWAL_DUE) && remindersDue(today, reminderDays) > remindersSent;
    }

    /** Records the reminders owed by today as sent; an active membership becomes due for renewal. */
    Membership remind(LocalDate today, List<Integer> reminderDays) {
        require("be reminded to renew", ACTIVE, RENEWAL_DUE);
        return new Membership(id, practitionerId, RENEWAL_DUE, basis, evidence, renewalStatement, startedOn,
                expiresOn, invoiceId, appliedAt, Math.max(remindersSent, remindersDue(today, reminderDays)), version);
    }

    private int remindersDue(LocalDate today, List<Integer> reminderDays) {
        return (int) reminderDays.stream().filter(days -> !today.isBefore(expiresOn.minusDays(days))).count();
    }

    /** The member submits their CPD for renewal; the evidence policy has been checked by then. */
    Membership submitRenewal(String statement) {
        require("be submitted for renewal", RENEWAL_DUE);
        return new Membership(id, practitionerId, RENEWAL_SUBMITTED, basis, evidence, statement, startedOn,
                expiresOn, null, appliedAt, remindersSent, version);
    }

    /** The CPD evidence is approved: the renewal invoice is issued. */
    Membership approveRenewal(UUID invoice) {
        require("have its renewal approved", RENEWAL_SUBMITTED);
        return with(RENEWAL_PAYMENT, invoice);
    }

    /** The CPD evidence is not enough: the member is due for renewal again and may submit more. */
    Membership rejectRenewal() {
        require("have its renewal rejected", RENEWAL_SUBMITTED);
        return with(RENEWAL_DUE, null);
    }

    /** Whether the grace period after expiry has passed without renewal. */
    boolean hasLapsedBy(LocalDate today, int gracePeriodDays) {
        return MembershipStatus.MEMBERS.contains(status) && today.isAfter(lapsesAfter(gracePeriodDays));
    }

    /** The last day of the grace period. */
    LocalDate lapsesAfter(int gracePeriodDays) {
        return expiresOn.plusDays(gracePeriodDays);
    }

    Membership lapse() {
        require("lapse", ACTIVE, RENEWAL_DUE, RENEWAL_SUBMITTED, RENEWAL_PAYMENT);
        return with(LAPSED, invoiceId);
    }

    /**
     * The membership of someone who asked to be forgotten: an application (or an unpaid first year) is withdrawn as
     * rejected, a membership lapses; one already rejected or lapsed stays as it is.
     */
    Membership endedOnErasure() {
        return switch (status) {
            case APPLIED, AWAITING_PAYMENT -> with(REJECTED, null);
            case ACTIVE, RENEWAL_DUE, RENEWAL_SUBMITTED, RENEWAL_PAYMENT -> with(LAPSED, null);
            case REJECTED, LAPSED -> this;
        };
    }

    /** The membership without what the person wrote about themselves. */
    Membership withoutPersonalData() {
        return new Membership(id, practitionerId, status, basis, null, null, startedOn, expiresOn, invoiceId,
                appliedAt, remindersSent, version);
    }

    private Membership with(MembershipStatus next, UUID invoice) {
        return new Membership(id, practitionerId, next, basis, evidence, renewalStatement, startedOn, expiresOn,
                invoice, appliedAt, remindersSent, version);
    }

    /** Refuses (409) unless the membership is in one of the allowed statuses. */
    void require(String action, MembershipStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictException("A membership that is " + status + " cannot " + action);
        }
    }
}

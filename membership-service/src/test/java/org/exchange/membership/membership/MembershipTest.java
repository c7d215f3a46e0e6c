package org.exchange.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

/** The membership's rules, without Spring. */
class MembershipTest {

    static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");
    static final LocalDate PAID_ON = LocalDate.of(2027, 3, 10);
    static final List<Integer> REMINDERS = List.of(30, 7);

    @Test
    void aFirstPaymentMakesAMemberForOneYearFromThePaymentDay() {
        Membership active = awaitingPayment().paid(PAID_ON);

        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(active.startedOn()).isEqualTo(PAID_ON);
        assertThat(active.expiresOn()).isEqualTo(LocalDate.of(2028, 3, 9));
    }

    @Test
    void erasureWithdrawsAnApplicationOrUnpaidYearAndLapsesAMembershipButLeavesAnEndedOneAsItIs() {
        assertThat(awaitingPayment().endedOnErasure().status()).isEqualTo(MembershipStatus.REJECTED);
        assertThat(awaitingPayment().endedOnErasure().invoiceId()).isNull();
        Membership active = awaitingPayment().paid(PAID_ON);
        assertThat(active.endedOnErasure().status()).isEqualTo(MembershipStatus.LAPSED);
        assertThat(active.remind(LocalDate.of(2028, 2, 8), REMINDERS).endedOnErasure().status())
                .isEqualTo(MembershipStatus.LAPSED);
        Membership lapsed = active.lapse();
        assertThat(lapsed.endedOnErasure()).isSameAs(lapsed);
    }

    @Test
    void aMembershipIsDueForRenewalAtTheFirstReminderBeforeExpiry() {
        Membership active = awaitingPayment().paid(PAID_ON);

        assertThat(active.isOwedRenewalReminder(LocalDate.of(2028, 2, 7), REMINDERS)).isFalse();
        assertThat(active.isOwedRenewalReminder(LocalDate.of(2028, 2, 8), REMINDERS)).isTrue();
        Membership due = active.remind(LocalDate.of(2028, 2, 8), REMINDERS);
        assertThat(due.status()).isEqualTo(MembershipStatus.RENEWAL_DUE);
        assertThat(due.remindersSent()).isEqualTo(1);
    }

    @Test
    void aMemberIsRemindedOncePerThresholdAndOnceWhenSeveralPassedUnnoticed() {
        Membership due = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 2, 8), REMINDERS);

        assertThat(due.isOwedRenewalReminder(LocalDate.of(2028, 3, 1), REMINDERS)).isFalse();
        assertThat(due.isOwedRenewalReminder(LocalDate.of(2028, 3, 2), REMINDERS)).isTrue();
        Membership remindedTwice = due.remind(LocalDate.of(2028, 3, 2), REMINDERS);
        assertThat(remindedTwice.isOwedRenewalReminder(LocalDate.of(2028, 3, 9), REMINDERS)).isFalse();

        Membership late = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 3, 5), REMINDERS);
        assertThat(late.remindersSent()).isEqualTo(2);
        assertThat(late.isOwedRenewalReminder(LocalDate.of(2028, 3, 6), REMINDERS)).isFalse();
    }

    @Test
    void aSubmittedRenewalIsNotRemindedAndARenewedYearStartsItsRemindersAfresh() {
        Membership submitted = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 2, 8), REMINDERS)
                .submitRenewal(null);
        assertThat(submitted.isOwedRenewalReminder(LocalDate.of(2028, 3, 5), REMINDERS)).isFalse();

        Membership renewed = submitted.approveRenewal(UUID.randomUUID()).paid(LocalDate.of(2028, 2, 20));
        assertThat(renewed.remindersSent()).isZero();
        assertThat(renewed.isOwedRenewalReminder(LocalDate.of(2029, 2, 8), REMINDERS)).isTrue();
    }

    @Test
    void aMembershipLapsesOnlyAfterItsGracePeriod() {
        Membership due = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 2, 8), REMINDERS);

        assertThat(due.hasLapsedBy(LocalDate.of(2028, 4, 8), 30)).isFalse();
        assertThat(due.hasLapsedBy(LocalDate.of(2028, 4, 9), 30)).isTrue();
        assertThat(due.lapse().status()).isEqualTo(MembershipStatus.LAPSED);
    }

    @Test
    void aRenewalPaidBeforeExpiryAddsAYearToTheCurrentOne() {
        Membership renewed = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 2, 8), REMINDERS).submitRenewal("A good year")
                .approveRenewal(UUID.randomUUID()).paid(LocalDate.of(2028, 2, 20));

        assertThat(renewed.startedOn()).isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(renewed.expiresOn()).isEqualTo(LocalDate.of(2029, 3, 9));
    }

    @Test
    void aRejectedRenewalIsDueAgain() {
        Membership sentBack = awaitingPayment().paid(PAID_ON).remind(LocalDate.of(2028, 2, 8), REMINDERS).submitRenewal(null).rejectRenewal();

        assertThat(sentBack.status()).isEqualTo(MembershipStatus.RENEWAL_DUE);
    }

    @Test
    void movesTheRulesDoNotAllowAreConflicts() {
        Membership applied = applied();
        Membership active = awaitingPayment().paid(PAID_ON);

        assertThatThrownBy(() -> applied.paid(PAID_ON)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("APPLIED cannot take a payment");
        assertThatThrownBy(() -> applied.submitRenewal(null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.approveEligibility(UUID.randomUUID())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.paid(PAID_ON)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> active.submitRenewal(null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> applied.reapply(EligibilityBasis.ILM_AWARD, null, NOW))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> applied.lapse()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> applied.remind(LocalDate.of(2028, 1, 1), REMINDERS))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aLapsedOrRejectedPractitionerMayApplyAgain() {
        assertThat(applied().rejectEligibility().reapply(EligibilityBasis.EQUIVALENT_EVIDENCE, "More", NOW).status())
                .isEqualTo(MembershipStatus.APPLIED);
        assertThat(awaitingPayment().paid(PAID_ON).lapse().reapply(EligibilityBasis.ILM_AWARD, null, NOW).status())
                .isEqualTo(MembershipStatus.APPLIED);
    }

    @Test
    void membersBeforeTheirFirstPaymentAreNeverRemindedNorLapsed() {
        Membership waiting = awaitingPayment();

        assertThat(waiting.isOwedRenewalReminder(LocalDate.of(2099, 1, 1), REMINDERS)).isFalse();
        assertThat(waiting.hasLapsedBy(LocalDate.of(2099, 1, 1), 30)).isFalse();
    }

    private static Membership applied() {
        return Membership.apply(UUID.randomUUID(), UUID.randomUUID(), EligibilityBasis.EQUIVALENT_EVIDENCE,
                "Ten years of sets", NOW);
    }

    private static Membership awaitingPayment() {
        return applied().approveEligibility(UUID.randomUUID());
    }
}

package org.exchange.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.junit.jupiter.api.Test;

/** The membership's rules, without Spring. */
class MembershipTest {

    static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");
    static final LocalDate PAID_ON = LocalDate.of(2027, 3, 10);

    @Test
    void aFirstPaymentMakesAMemberForOneYearFromThePaymentDay() {
        Membership active = awaitingPayment().paid(PAID_ON);

        assertThat(active.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(active.startedOn()).isEqualTo(PAID_ON);
        assertThat(active.expiresOn()).isEqualTo(LocalDate.of(2028, 3, 9));
    }

    @Test
    void aMembershipIsDueForRenewalTheConfiguredNumberOfDaysBeforeExpiry() {
        Membership active = awaitingPayment().paid(PAID_ON);

        assertThat(active.isDueForRenewal(LocalDate.of(2028, 2, 7), 30)).isFalse();
        assertThat(active.isDueForRenewal(LocalDate.of(2028, 2, 8), 30)).isTrue();
    }

    @Test
    void aMembershipLapsesOnlyAfterItsGracePeriod() {
        Membership due = awaitingPayment().paid(PAID_ON).renewalDue();

        assertThat(due.hasLapsedBy(LocalDate.of(2028, 4, 8), 30)).isFalse();
        assertThat(due.hasLapsedBy(LocalDate.of(2028, 4, 9), 30)).isTrue();
        assertThat(due.lapse().status()).isEqualTo(MembershipStatus.LAPSED);
    }

    @Test
    void aRenewalPaidBeforeExpiryAddsAYearToTheCurrentOne() {
        Membership renewed = awaitingPayment().paid(PAID_ON).renewalDue().submitRenewal("A good year")
                .approveRenewal(UUID.randomUUID()).paid(LocalDate.of(2028, 2, 20));

        assertThat(renewed.startedOn()).isEqualTo(LocalDate.of(2028, 3, 10));
        assertThat(renewed.expiresOn()).isEqualTo(LocalDate.of(2029, 3, 9));
    }

    @Test
    void aRejectedRenewalIsDueAgain() {
        Membership sentBack = awaitingPayment().paid(PAID_ON).renewalDue().submitRenewal(null).rejectRenewal();

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

        assertThat(waiting.isDueForRenewal(LocalDate.of(2099, 1, 1), 30)).isFalse();
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

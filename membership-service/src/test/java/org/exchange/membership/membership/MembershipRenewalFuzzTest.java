package org.exchange.membership.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.exchange.membership.cpd.CpdSummary;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * Coverage-guided fuzzing of the membership renewal rules (Jazzer): any terms, any years of reminders, renewals,
 * payments and lapses keep a membership's dates and reminders right, and a move the rules do not allow is refused
 * (409, or 400 for a payment day off the calendar), never anything else. A normal build runs the seed corpus in
 * {@code src/test/resources/.../MembershipRenewalFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (docs/security.md).
 */
class MembershipRenewalFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @FuzzTest(maxDuration = "2m")
    void anyYearsOfRemindersRenewalsPaymentsAndLapsesKeepTheMembershipsRules(FuzzedDataProvider data) {
        List<Integer> reminderDays = new ArrayList<>();
        int reminders = data.consumeInt(1, 3);
        for (int i = 0; i < reminders; i++) {
            reminderDays.add(data.consumeInt(1, 120));
        }
        MembershipTerms terms = new MembershipTerms(null, null, null, null, reminderDays, data.consumeInt(0, 120),
                null, null, null);
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-3_650, 3_650));
        Membership membership = Membership.apply(UUID.randomUUID(), UUID.randomUUID(),
                data.pickValue(EligibilityBasis.values()), "Five years of action learning sets", NOW);

        int steps = data.consumeInt(0, 40);
        for (int step = 0; step < steps; step++) {
            Membership before = membership;
            try {
                membership = switch (data.consumeInt(0, 8)) {
                    case 0 -> {
                        today = today.plusDays(data.consumeInt(0, 400));
                        yield membership;
                    }
                    case 1 -> membership.approveEligibility(UUID.randomUUID());
                    case 2 -> membership.rejectEligibility();
                    case 3 -> membership.paid(paymentDay(data, today));
                    case 4 -> membership.isOwedRenewalReminder(today, terms.renewalReminderDays())
                            ? membership.remind(today, terms.renewalReminderDays()) : membership;
                    case 5 -> membership.submitRenewal("My CPD this year");
                    case 6 -> data.consumeBoolean() ? membership.approveRenewal(UUID.randomUUID())
                            : membership.rejectRenewal();
                    case 7 -> membership.hasLapsedBy(today, terms.gracePeriodDays()) ? membership.lapse() : membership;
                    default -> membership.reapply(data.pickValue(EligibilityBasis.values()), "More evidence", NOW);
                };
            } catch (ConflictException | InvalidRequestException refused) {
                continue;
            }
            holds(before, membership, terms);
        }
    }

    @FuzzTest(maxDuration = "1m")
    void theRenewalEvidencePolicyNamesEveryShortfallAndOnlyThose(FuzzedDataProvider data) {
        RenewalEvidencePolicy policy = new RenewalEvidencePolicy(BigDecimal.valueOf(data.consumeLong(0, 10_000), 2),
                data.consumeInt(0, 10));
        BigDecimal hours = BigDecimal.valueOf(data.consumeLong(0, 100_000), 2);
        int reflections = data.consumeInt(0, 20);
        LocalDate to = LocalDate.of(2026, 1, 1).plusDays(data.consumeInt(-3_650, 3_650));

        List<String> shortfalls = policy.shortfalls(new CpdSummary(to.minusYears(1), to, hours, reflections, Map.of(),
                List.of()));

        boolean enough = hours.compareTo(policy.minimumHours()) >= 0 && reflections >= policy.minimumReflections();
        assertThat(shortfalls.isEmpty()).as("no shortfall exactly when the CPD is enough: %s", shortfalls)
                .isEqualTo(enough);
        assertThat(shortfalls).hasSizeLessThanOrEqualTo(2).allSatisfy(line -> assertThat(line).isNotBlank());
    }

    /** What every allowed move keeps true. */
    private static void holds(Membership before, Membership after, MembershipTerms terms) {
        if (MembershipStatus.MEMBERS.contains(after.status())) {
            assertThat(after.startedOn()).as("a member's year starts").isNotNull();
            assertThat(after.expiresOn()).as("a member's year is one year long: %s", after)
                    .isEqualTo(after.startedOn().plusYears(1).minusDays(1));
        }
        assertThat(after.remindersSent()).as("reminders of one year").isBetween(0,
                terms.renewalReminderDays().size());
        if (before.status() == MembershipStatus.RENEWAL_PAYMENT && after.status() == MembershipStatus.ACTIVE
                && !after.startedOn().isAfter(before.expiresOn().plusDays(1))) {
            assertThat(after.startedOn()).as("a renewal paid in time continues the year").isEqualTo(
                    before.expiresOn().plusDays(1));
        }
        if (after.status() == MembershipStatus.LAPSED && before.status() != MembershipStatus.LAPSED) {
            assertThat(before.expiresOn()).as("a membership lapses only after it expired").isNotNull();
        }
    }

    /** The day a payment is recorded: near today, as a programme admin types it, or any date a request can hold. */
    private static LocalDate paymentDay(FuzzedDataProvider data, LocalDate today) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> today.plusDays(data.consumeInt(-60, 60));
            case 1 -> LocalDate.MAX.minusDays(data.consumeInt(0, 800));
            default -> LocalDate.MIN.plusDays(data.consumeInt(0, 800));
        };
    }
}

package org.exchange.membership.membership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the Learning Exchange membership, named once and configurable ({@code exchange.membership.*}).
 *
 * @param fee the annual fee, tax inclusive, for any membership year without a fee of its own
 * @param feeByYear fees of particular membership years, such as {@code 2027: 200.00}
 * @param currency ISO 4217 code of every fee
 * @param paymentTermDays days after issue an invoice is due
 * @param renewalReminderDays how many days before expiry members are reminded to renew, such as {@code 30, 7}; the
 *        first reminder makes the membership due for renewal
 * @param gracePeriodDays how many days after expiry an unrenewed membership lapses
 * @param minimumCpdHours the CPD hours over the membership year that renewal asks for
 * @param minimumReflections how many of those activities must carry a written reflection
 * @param viabilityTarget the number of members that makes the programme viable
 */
@ConfigurationProperties("exchange.membership")
public record MembershipTerms(
        BigDecimal fee,
        Map<Integer, BigDecimal> feeByYear,
        String currency,
        Integer paymentTermDays,
        List<Integer> renewalReminderDays,
        Integer gracePeriodDays,
        BigDecimal minimumCpdHours,
        Integer minimumReflections,
        Integer viabilityTarget) {

    public MembershipTerms {
        fee = fee == null ? new BigDecimal("195.00") : fee;
        feeByYear = feeByYear == null ? Map.of() : Map.copyOf(feeByYear);
        currency = currency == null ? "GBP" : currency;
        paymentTermDays = paymentTermDays == null ? 30 : paymentTermDays;
        renewalReminderDays = renewalReminderDays == null || renewalReminderDays.isEmpty() ? List.of(30, 7)
                : renewalReminderDays.stream().sorted(Comparator.reverseOrder()).toList();
        gracePeriodDays = gracePeriodDays == null ? 30 : gracePeriodDays;
        minimumCpdHours = minimumCpdHours == null ? new BigDecimal("12") : minimumCpdHours;
        minimumReflections = minimumReflections == null ? 1 : minimumReflections;
        viabilityTarget = viabilityTarget == null ? 50 : viabilityTarget;
    }

    /** The defaults: GBP 195.00 a year, reminders 30 and 7 days ahead, 30 days' grace, 12 CPD hours and a reflection. */
    public static MembershipTerms defaults() {
        return new MembershipTerms(null, null, null, null, null, null, null, null, null);
    }

    /** How many days before expiry the first reminder comes, making the membership due for renewal. */
    public int firstReminderDays() {
        return renewalReminderDays.getFirst();
    }

    /** The fee of a membership year. */
    public BigDecimal feeFor(int membershipYear) {
        return feeByYear.getOrDefault(membershipYear, fee).setScale(2, RoundingMode.HALF_UP);
    }
}

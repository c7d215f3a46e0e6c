package org.exchange.notification.wording;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** Dates, times, money and kinds of things as people in the UK read them. */
public final class Wording {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private Wording() {
    }

    /** Such as {@code 31 December 2026}. */
    public static String date(LocalDate date) {
        return date == null ? "a date to be confirmed" : DATE.format(date);
    }

    /** Such as {@code Thursday 12 March 2026, 16:00 to 18:00 (UK time)}, in the meeting's own time zone. */
    public static String when(Instant startsAt, Instant endsAt, String timeZone) {
        if (startsAt == null) {
            return "a time to be confirmed";
        }
        ZoneId zone = zone(timeZone);
        ZonedDateTime start = startsAt.atZone(zone);
        StringBuilder text = new StringBuilder(DAY.format(start)).append(", ").append(TIME.format(start));
        if (endsAt != null) {
            ZonedDateTime end = endsAt.atZone(zone);
            text.append(" to ");
            if (!end.toLocalDate().equals(start.toLocalDate())) {
                text.append(DAY.format(end)).append(", ");
            }
            text.append(TIME.format(end));
        }
        return text.append(" (").append(zone.equals(UK) ? "UK time" : zone.getId()).append(')').toString();
    }

    /** Such as {@code £195.00}; the code stands beside amounts in currencies without a symbol of their own here. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "the amount shown in the portal";
        }
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
            format.setCurrency(Currency.getInstance(currency));
            return format.format(amount);
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + (currency == null ? "" : " " + currency);
        }
    }

    /** Such as {@code 30} or {@code 12.5}. */
    public static String hours(BigDecimal hours) {
        return hours == null ? "the required" : hours.stripTrailingZeros().toPlainString();
    }

    /** GROUP_MEETING as {@code group meeting}, DEVELOPMENT_DAY as {@code development day} ... */
    public static String kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return "meeting";
        }
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** BANK_TRANSFER as {@code bank transfer}; unknown methods as {@code other means}. */
    public static String paymentMethod(String method) {
        if (method == null || method.equals("OTHER")) {
            return "other means";
        }
        return method.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? UK : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return UK;
        }
    }
}

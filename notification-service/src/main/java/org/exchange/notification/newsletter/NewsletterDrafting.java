package org.exchange.notification.newsletter;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.function.Predicate;

import org.exchange.notification.wording.Wording;
import org.exchange.notification.programme.ProgrammeNews;
import org.exchange.notification.programme.ProgrammeNews.Item;
import org.exchange.notification.programme.ProgrammeNews.Kind;
import org.springframework.stereotype.Component;

/**
 * Drafts an issue from the quarter's facts, in Markdown for the admin to edit: outcomes published this quarter,
 * development days, launch and dissemination events and group meetings coming up in the next three months, and new
 * groups forming. For a network's audience, only that network's news.
 */
@Component
class NewsletterDrafting {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ProgrammeNews news;
    private final Clock clock;

    NewsletterDrafting(ProgrammeNews news, Clock clock) {
        this.news = news;
        this.clock = clock;
    }

    /** A title such as {@code The Exchange newsletter: October to December 2026}. */
    String title() {
        LocalDate start = quarterStart();
        LocalDate end = start.plusMonths(2);
        return "The Exchange newsletter: " + month(start) + " to " + month(end) + " " + end.getYear();
    }

    String markdown(Audience audience) {
        Instant now = clock.instant();
        Instant quarterStart = quarterStart().atStartOfDay(UK).toInstant();
        Instant horizon = now.plus(92, ChronoUnit.DAYS);
        Predicate<Item> inAudience = audience.segment() == Audience.Segment.NETWORK
                ? item -> item.networkId() == null || item.networkId().toString().equals(audience.ref())
                : item -> true;
        List<Item> outcomes = only(news.between(quarterStart, now.plusSeconds(1), List.of(Kind.OUTCOME)), inAudience);
        List<Item> events = only(news.between(now, horizon,
                List.of(Kind.DEVELOPMENT_DAY, Kind.LAUNCH_EVENT, Kind.DISSEMINATION_EVENT)), inAudience);
        List<Item> meetings = only(news.between(now, horizon, List.of(Kind.GROUP_MEETING)), inAudience);
        List<Item> forming = only(news.between(quarterStart, now.plusSeconds(1), List.of(Kind.GROUP_FORMING)),
                inAudience);

        StringBuilder text = new StringBuilder("""
                Welcome to this quarter's newsletter from the Exchange, with an update on professional practice \
                across our networks and what is coming up.
                """);
        section(text, "Outcomes published this quarter", outcomes, item -> "**" + item.title() + "**"
                + (item.place() == null ? "" : " (" + item.place() + ")")
                + (item.summary() == null || item.summary().isBlank() ? "" : ": " + item.summary().strip())
                + " Read it in the outcomes library.");
        section(text, "Development days and events", events, item -> "**" + item.title() + "**, a "
                + Wording.kind(item.kind().name()) + ", " + Wording.when(item.happensAt(), null, null)
                + (item.place() == null ? "" : ", " + item.place())
                + (item.keySpeaker() == null || item.keySpeaker().isBlank() ? ""
                        : ". Key speaker: " + item.keySpeaker()));
        section(text, "Group meetings coming up", meetings, item -> "**" + item.title() + "**, "
                + Wording.when(item.happensAt(), null, null));
        section(text, "New groups forming", forming, item -> "**" + item.title() + "**"
                + (item.place() == null ? "" : " (" + item.place() + ")")
                + (item.summary() == null || item.summary().isBlank() ? "" : ": " + item.summary().strip())
                + " Ask to join from the Groups page.");
        text.append("""

                ## From the programme team

                Add your own news here.
                """);
        return text.toString();
    }

    private static void section(StringBuilder text, String heading, List<Item> items,
            java.util.function.Function<Item, String> line) {
        if (items.isEmpty()) {
            return;
        }
        text.append("\n## ").append(heading).append("\n\n");
        items.forEach(item -> text.append("- ").append(line.apply(item)).append('\n'));
    }

    private static List<Item> only(List<Item> items, Predicate<Item> keep) {
        return items.stream().filter(keep).toList();
    }

    private LocalDate quarterStart() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), UK);
        return today.with(IsoFields.DAY_OF_QUARTER, 1);
    }

    private static String month(LocalDate date) {
        return date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
    }

}

package org.exchange.exchange.group;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the programme's rules for groups, named once: a group meets at least {@code minimumMeetings} times
 * over a planned span of {@code minimumSpanMonths} to {@code maximumSpanMonths} months.
 */
@ConfigurationProperties("exchange.groups")
public record GroupRules(Integer minimumMeetings, Integer minimumSpanMonths, Integer maximumSpanMonths) {

    public GroupRules {
        minimumMeetings = minimumMeetings == null ? 4 : minimumMeetings;
        minimumSpanMonths = minimumSpanMonths == null ? 4 : minimumSpanMonths;
        maximumSpanMonths = maximumSpanMonths == null ? 12 : maximumSpanMonths;
        if (minimumMeetings < 1 || minimumSpanMonths < 1 || maximumSpanMonths < minimumSpanMonths) {
            throw new IllegalArgumentException("exchange.groups needs at least one meeting and a span of at least one "
                    + "month whose maximum is not below its minimum");
        }
    }

    /** The rules of the programme as published: four meetings over four to twelve months. */
    public static GroupRules standard() {
        return new GroupRules(null, null, null);
    }
}

package org.exchange.exchange.history;

import java.time.Duration;
import java.time.Instant;

import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.security.Caller;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who records what already happened (a meeting that took place, its attendance, an outcome): a programme admin, for any
 * group and any date; a group's facilitator, for their own group only, up to {@code facilitatorDays} days after it
 * happened (older history is a programme admin's to enter).
 */
@ConfigurationProperties("exchange.history")
public record HistoryRules(Integer facilitatorDays) {

    public HistoryRules {
        facilitatorDays = facilitatorDays == null ? 30 : facilitatorDays;
        if (facilitatorDays < 0) {
            throw new IllegalArgumentException("exchange.history.facilitator-days is zero or more");
        }
    }

    /** The rules as the programme runs them: facilitators record their own group's last 30 days. */
    public static HistoryRules standard() {
        return new HistoryRules(null);
    }

    /**
     * Refuses (403) a caller who may not record this piece of history.
     *
     * @param facilitatesGroup whether the caller facilitates the group it belongs to (false for a network's own)
     * @param happenedAt when it happened: a meeting's end, an outcome's date
     */
    public void requireMayRecord(Caller caller, boolean facilitatesGroup, Instant happenedAt, Instant now) {
        if (caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            return;
        }
        if (!facilitatesGroup) {
            throw new ForbiddenException("History is recorded by a programme admin, or by a group's facilitator for "
                    + "their own group");
        }
        if (happenedAt.isBefore(now.minus(Duration.ofDays(facilitatorDays)))) {
            throw new ForbiddenException(("A facilitator records their group's history up to %d days after it "
                    + "happened; older history is recorded by a programme admin").formatted(facilitatorDays));
        }
    }
}

package org.exchange.membership.membership;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.membership.membership.MembershipService.RenewalStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends renewal reminders and lapses memberships, as of the injected clock's today; scheduled hourly by default
 * ({@code exchange.membership.jobs.cron}, {@code -} to switch it off) and safe to run at any time, or on several
 * instances at once. Each membership changes in a transaction of its own, so one failure holds up no other.
 */
@Component
public class RenewalJob {

    private static final Logger log = LoggerFactory.getLogger(RenewalJob.class);

    private final MembershipService memberships;
    private final Clock clock;

    RenewalJob(MembershipService memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    /** One run: reminders for memberships near expiry, lapses for those past their grace period. */
    @Scheduled(cron = "${exchange.membership.jobs.cron:0 5 * * * *}", zone = "UTC")
    public RenewalRun run() {
        int reminded = 0;
        int lapsed = 0;
        for (UUID membership : memberships.renewalCandidates()) {
            try {
                RenewalStep step = memberships.remindOrLapse(membership);
                reminded += step == RenewalStep.REMINDED ? 1 : 0;
                lapsed += step == RenewalStep.LAPSED ? 1 : 0;
            } catch (OptimisticLockingFailureException e) {
                // Someone (an admin, another instance) changed it meanwhile; the next run looks at it again.
                log.info("Renewal job skipped membership {}: it changed meanwhile", membership);
            }
        }
        RenewalRun run = new RenewalRun(LocalDate.now(clock), reminded, lapsed);
        if (reminded > 0 || lapsed > 0) {
            log.info("Renewal job of {}: {} reminded, {} lapsed", run.day(), reminded, lapsed);
        }
        return run;
    }

    /** What one run of the renewal job did. */
    public record RenewalRun(LocalDate day, int reminded, int lapsed) {
    }
}

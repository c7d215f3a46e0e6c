package org.exchange.membership.membership;

import org.exchange.membership.membership.MembershipService.RenewalRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends renewal reminders and lapses memberships, as of the injected clock's today; scheduled hourly by default
 * ({@code exchange.membership.jobs.cron}, {@code -} to switch it off) and safe to run at any time.
 */
@Component
public class RenewalJob {

    private static final Logger log = LoggerFactory.getLogger(RenewalJob.class);

    private final MembershipService memberships;

    RenewalJob(MembershipService memberships) {
        this.memberships = memberships;
    }

    /** One run: reminders for memberships near expiry, lapses for those past their grace period. */
    @Scheduled(cron = "${exchange.membership.jobs.cron:0 5 * * * *}", zone = "UTC")
    public RenewalRun run() {
        RenewalRun run = memberships.remindAndLapse();
        if (run.reminded() > 0 || run.lapsed() > 0) {
            log.info("Renewal job of {}: {} reminded, {} lapsed", run.day(), run.reminded(), run.lapsed());
        }
        return run;
    }
}

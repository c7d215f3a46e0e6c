package org.exchange.accreditation.enrolment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Measures enrolments again every night: time passing alone can meet a programme's minimum duration. */
@Component
class ProgressJob {

    private static final Logger log = LoggerFactory.getLogger(ProgressJob.class);

    private final EnrolmentService enrolments;

    ProgressJob(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @Scheduled(cron = "${exchange.accreditation.progress-cron:0 15 2 * * *}", zone = "Europe/London")
    void run() {
        int changed = enrolments.refreshAll();
        if (changed > 0) {
            log.info("Progress run: {} enrolments changed status", changed);
        }
    }
}

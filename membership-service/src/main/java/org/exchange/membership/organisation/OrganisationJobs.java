package org.exchange.membership.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces organisations and venues nobody has heard of yet (seeded ones) at start-up, and expires ended memoranda
 * daily.
 */
@Component
class OrganisationJobs {

    private static final Logger log = LoggerFactory.getLogger(OrganisationJobs.class);

    private final OrganisationService organisations;

    OrganisationJobs(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceAtStartUp() {
        int announced = organisations.announcePending();
        if (announced > 0) {
            log.info("Announced {} organisation(s) and venue(s) registered before this start", announced);
        }
    }

    @Scheduled(cron = "${exchange.membership.jobs.cron:0 5 * * * *}", zone = "UTC")
    void expireEndedMemoranda() {
        organisations.expireEndedMemoranda();
    }
}

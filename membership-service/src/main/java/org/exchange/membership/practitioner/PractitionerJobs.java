package org.exchange.membership.practitioner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Announces the practitioners nobody has heard of yet (the demo programme's, seeded by a migration) at start-up. */
@Component
class PractitionerJobs {

    private static final Logger log = LoggerFactory.getLogger(PractitionerJobs.class);

    private final PractitionerService practitioners;

    PractitionerJobs(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceAtStartUp() {
        int announced = practitioners.announcePending();
        if (announced > 0) {
            log.info("Announced {} practitioner(s) registered before this start", announced);
        }
    }
}

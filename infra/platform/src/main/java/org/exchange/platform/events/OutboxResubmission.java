package org.exchange.platform.events;

import java.time.Clock;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The outbox's recovery while the service runs: publications that failed (the broker was away, or an older event of
 * the same key was) or that were lost on their way are resubmitted through Spring Modulith, oldest first, to the
 * {@link OutboxSender}, which keeps them in order per key. Completed publications older than the
 * retention are deleted.
 */
class OutboxResubmission {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final OutboxPublications publications;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxResubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            OutboxPublications publications, OutboxProperties properties, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.publications = publications;
        this.properties = properties;
        this.clock = clock;
    }

    void resubmit() {
        int stale = publications.failStale(clock.instant(), properties.staleAfter());
        if (stale > 0) {
            log.warn("{} publications were on their way for more than {}: resubmitting them", stale,
                    properties.staleAfter());
        }
        Set<String> waiting = publications.waitingBehindOneOnItsWay();
        incomplete.resubmitIncompletePublications(publication -> publication.getStatus() == EventPublication.Status.FAILED
                && !(publication.getEvent() instanceof IntegrationEvent event && waiting.contains(event.id().toString())));
    }

    void purge() {
        completed.deletePublicationsOlderThan(properties.retention());
    }
}

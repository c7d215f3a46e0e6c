package org.exchange.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * The outbox's listener (ADR 0028): once a transaction has committed, gives each {@link IntegrationEvent} it published
 * to the {@link OutboxSender}, on the committing thread, and completes the event's publication in Spring Modulith's
 * registry when the sender says it was sent (marks it failed when it was not, for the resubmission to take), on the
 * sender's threads.
 *
 * <p>A transactional listener of Spring Modulith's registry, as its own externalizer was, under the listener id that one
 * had: publications are stored for it in the business transaction, and those written before this class are
 * resubmitted to it. Unlike that one it is neither {@code @Async} (whose one thread waited on each event's future until
 * the broker acknowledged it) nor a {@code @TransactionalEventListener} method, which Spring Modulith's completion
 * advice would wrap: that advice marks the publication as processing, a statement in a transaction of its own, before
 * the listener runs, and on the committing thread, which still holds its own connection, that takes a second one from
 * the pool for every event (a pool of 10 ran dry under 50 concurrent requests). The registry is told here instead,
 * once per event, when it is settled.
 */
final class OutboxExternalizer extends TransactionalApplicationListenerAdapter<PayloadApplicationEvent<IntegrationEvent>> {

    /**
     * The listener id Spring Modulith's externalizer had, which publications written before this class are stored
     * under: kept, so that they are resubmitted to this one.
     */
    static final String LISTENER_ID =
            "org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)";

    private static final Logger log = LoggerFactory.getLogger(OutboxExternalizer.class);
    private static final PublicationTargetIdentifier TARGET = PublicationTargetIdentifier.of(LISTENER_ID);

    OutboxExternalizer(EventExternalizationConfiguration configuration, OutboxSender sender,
            Supplier<EventPublicationRegistry> registry) {
        super(event -> externalize(configuration, sender, registry, event.getPayload()));
        setListenerId(LISTENER_ID);
    }

    static CompletableFuture<Void> externalize(EventExternalizationConfiguration configuration, OutboxSender sender,
            Supplier<EventPublicationRegistry> registry, IntegrationEvent event) {
        return sender.send(configuration.determineTarget(event), configuration.map(event))
                .whenComplete((sent, error) -> settle(registry.get(), event, error));
    }

    private static void settle(EventPublicationRegistry registry, IntegrationEvent event, Throwable error) {
        try {
            if (error == null) {
                registry.markCompleted(event, TARGET);
            } else {
                registry.markFailed(event, TARGET);
            }
        } catch (RuntimeException e) {
            // it stays incomplete: taken for lost after exchange.outbox.stale-after and sent again; the inbox
            // ignores a second copy
            log.warn("Event {} could not be marked {} in the outbox: {}", event.id(), error == null ? "sent" : "failed",
                    e.toString());
        }
    }
}

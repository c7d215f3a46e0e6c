package org.exchange.platform.events;

import java.util.concurrent.CompletableFuture;

import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives each {@link IntegrationEvent} to the {@link OutboxSender} once its transaction has committed, on the committing
 * thread, and answers with the sender's future: Spring Modulith completes the event's publication when that completes
 * (the broker acknowledged it) and marks it failed when it fails, for the resubmission to take (ADR 0028).
 *
 * <p>Spring Modulith's own externalizer is an {@code @ApplicationModuleListener}, so {@code @Async}: its one outbox
 * thread waited on each event's future until the broker acknowledged it, one event at a time. This listener is not
 * asynchronous; it only hands the event over, and the sender's own thread sends without waiting.
 */
public class OutboxExternalizer {

    /**
     * The listener id Spring Modulith's externalizer had, which publications written before this class are stored
     * under: kept, so that they are resubmitted to this one.
     */
    static final String LISTENER_ID =
            "org.springframework.modulith.events.support.DelegatingEventExternalizer.externalize(java.lang.Object)";

    private final EventExternalizationConfiguration configuration;
    private final OutboxSender sender;

    OutboxExternalizer(EventExternalizationConfiguration configuration, OutboxSender sender) {
        this.configuration = configuration;
        this.sender = sender;
    }

    @TransactionalEventListener(id = LISTENER_ID)
    public CompletableFuture<?> externalize(IntegrationEvent event) {
        return sender.send(configuration.determineTarget(event), configuration.map(event));
    }
}

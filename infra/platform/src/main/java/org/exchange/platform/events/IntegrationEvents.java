package org.exchange.platform.events;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.exchange.contracts.EventTypes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes integration events through the transactional outbox: the event is stored with the state change in the
 * same database transaction and sent to Kafka after commit (Spring Modulith's event publication registry).
 */
public class IntegrationEvents {

    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final String source;
    private final EventTracing tracing;

    public IntegrationEvents(ApplicationEventPublisher publisher, Clock clock, String source, EventTracing tracing) {
        this.publisher = publisher;
        this.clock = clock;
        this.source = source;
        this.tracing = tracing;
    }

    /**
     * Records that a fact happened to an aggregate. Must run inside the transaction that changes the aggregate, so
     * that the event and the change are committed, or rolled back, together.
     *
     * @param subject the aggregate's id: the record key and the CloudEvents subject
     * @param payload a contracts record annotated with {@code @EventType}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IntegrationEvent publish(Object subject, Object payload) {
        Objects.requireNonNull(subject, "an integration event needs a subject");
        Objects.requireNonNull(payload, "an integration event needs a payload");
        Class<?> type = payload.getClass();
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), EventTypes.typeName(type), source,
                subject.toString(), clock.instant(), EventTypes.topic(type), EventTypes.schemaLocation(type), payload,
                tracing.currentTraceParent());
        publisher.publishEvent(event);
        return event;
    }
}

package org.exchange.platform.events;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.exchange.contracts.CloudEventHeaders;

/**
 * Keeps an integration event in the trace of the request that committed it, although the outbox sends it later, on
 * another thread, perhaps after a restart: the W3C {@code traceparent} current when the event is written is stored
 * with it in the outbox, and the publish span is started as its child. The observed Kafka template then puts the
 * publish's own {@code traceparent} on the record, and the consumer's observed listener continues from there.
 */
public class EventTracing {

    static final String PUBLISH_SPAN = "outbox publish";

    private final Tracer tracer;
    private final Propagator propagator;

    /** With {@link Tracer#NOOP} and {@link Propagator#NOOP} when the service has tracing off: no context is kept. */
    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The W3C {@code traceparent} of the current span, or null outside a trace. */
    String currentTraceParent() {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current, carrier, Map::put);
        return carrier.get(CloudEventHeaders.TRACE_PARENT);
    }

    /**
     * Starts the span of one send of an event to Kafka: a child of the context the event was written in, or a trace of
     * its own when it was written outside one (or before the platform kept the context). The caller puts it in scope
     * with {@link #inScope(Span)} and ends it.
     */
    Span startPublish(String traceParent, String eventId, String topic) {
        Span.Builder builder = traceParent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(CloudEventHeaders.TRACE_PARENT, traceParent), Map::get);
        return builder.name(PUBLISH_SPAN)
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", eventId == null ? "" : eventId)
                .start();
    }

    Tracer.SpanInScope inScope(Span span) {
        return tracer.withSpan(span);
    }
}

package org.exchange.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.exchange.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Hands one externalized event to Kafka, in order per key: an event whose key has an older publication still
 * incomplete (failed, or on its way on another instance) is held back, so that it never overtakes it; the
 * {@link OutboxResubmission} sends both later, oldest first. The send waits for the broker's acknowledgement, bounded by
 * the producer's {@code delivery.timeout.ms}, so that the publication is completed, or failed, before the outbox thread
 * takes the next event. Each send is a span in the trace of the request that wrote the event ({@link EventTracing}).
 */
class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final KafkaOperations<Object, Object> kafka;
    private final OutboxPublications publications;
    private final Duration sendTimeout;
    private final Executor outboxThread;
    private final EventTracing tracing;
    private volatile boolean stopping;

    /**
     * @param outboxThread the executor the outbox hands events to (one thread), or null: drained when the service
     *        stops
     */
    OutboxSender(KafkaOperations<Object, Object> kafka, OutboxPublications publications, Duration sendTimeout,
            Executor outboxThread, EventTracing tracing) {
        this.kafka = kafka;
        this.publications = publications;
        this.sendTimeout = sendTimeout;
        this.outboxThread = outboxThread;
        this.tracing = tracing;
    }

    CompletableFuture<?> send(RoutingTarget target, Object payload) {
        Message<?> message = payload instanceof Message<?> m ? m : MessageBuilder.withPayload(payload).build();
        String eventId = header(message, CloudEventHeaders.ID);
        if (stopping) {
            // failed now, in the database, so that another instance (or the restart) takes it at once rather than
            // after exchange.outbox.stale-after
            return CompletableFuture.failedFuture(new IllegalStateException("The service is stopping"));
        }
        try {
            if (eventId != null && publications.hasOlderIncomplete(eventId)) {
                log.debug("Holding back event {} for key {} on {}: an older event of that key is not yet sent",
                        eventId, target.getKey(), target.getTarget());
                return CompletableFuture.failedFuture(new HeldBackException(eventId, target));
            }
        } catch (RuntimeException e) {
            return failed(eventId, target, e);
        }
        Message<?> routed = MessageBuilder.fromMessage(message)
                .setHeaderIfAbsent(KafkaHeaders.KEY, target.getKey())
                .setHeaderIfAbsent(KafkaHeaders.TOPIC, target.getTarget())
                .build();
        Span span = tracing.startPublish(header(message, CloudEventHeaders.TRACE_PARENT), eventId, target.getTarget());
        try (Tracer.SpanInScope scope = tracing.inScope(span)) {
            SendResult<Object, Object> result = kafka.send(routed).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.completedFuture(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            span.error(e);
            return CompletableFuture.failedFuture(e);
        } catch (ExecutionException e) {
            span.error(e.getCause());
            return failed(eventId, target, e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            span.error(e);
            return failed(eventId, target, e);
        } finally {
            span.end();
        }
    }

    /** Nothing to start: sending begins with the first event. */
    @Override
    public void start() {
        stopping = false;
    }

    /**
     * Fails what the outbox thread still holds, and waits (bounded) until it has: those events are then marked failed
     * while the database and the producer are still there, for the next resubmission to take.
     */
    @Override
    public void stop() {
        stopping = true;
        if (outboxThread == null) {
            return;
        }
        try {
            CompletableFuture.runAsync(() -> { }, outboxThread).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("The outbox thread did not finish before the service stopped: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    private static CompletableFuture<?> failed(String eventId, RoutingTarget target, Throwable cause) {
        log.warn("Event {} not sent to {} (it stays in the outbox and is resubmitted): {}", eventId,
                target.getTarget(), cause.toString());
        return CompletableFuture.failedFuture(cause);
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }

    /** An event not sent because an older event of its key is still in the outbox. */
    static final class HeldBackException extends RuntimeException {

        HeldBackException(String eventId, RoutingTarget target) {
            super("Event " + eventId + " waits for an older event of key " + target.getKey() + " on "
                    + target.getTarget(), null, false, false);
        }
    }
}

package org.exchange.platform.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.exchange.contracts.CloudEventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Hands externalized events to Kafka in order per key, without waiting for each acknowledgement (ADR 0028).
 *
 * <p>Events are given to it as their transactions commit ({@link OutboxExternalizer}) or as they are resubmitted, and
 * answered at once; its own thread hands them to the producer in that order and takes the next without waiting for the
 * broker. Each event is checked against the outbox table: when every older incomplete publication of its key is on
 * its way from here, it rides behind them (the idempotent producer keeps their order within the key's partition), and
 * it counts as sent (its publication completed) only once it is acknowledged <em>and</em> every earlier event of its
 * key sent from here is. When one of
 * them fails, the ones behind it fail too, whatever the broker answered for them, and the {@link OutboxResubmission}
 * sends them again later, oldest first; the consumers' inbox ignores a second copy.
 *
 * <p>An event with an older incomplete publication of its key that is not on its way from here (failed and waiting
 * for the resubmission, held back, or on its way on another instance) is held back, so that it never overtakes it. So
 * is one whose key's oldest unacknowledged event was handed over {@code exchange.outbox.follow-within} ago or longer
 * (the broker is slow or away): a key's events then wait in the outbox, in order, rather than pile up in the producer.
 *
 * <p>Publications are completed (or failed) on a thread of the sender's own, never on the producer's network thread.
 * Each send is a span in the trace of the request that wrote the event ({@link EventTracing}).
 */
class OutboxSender implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int LANES_REMEMBERED = 10_000;

    private final KafkaOperations<Object, Object> kafka;
    private final OutboxPublications publications;
    private final Duration sendTimeout;
    private final Duration followWithin;
    private final ExecutorService handOver;
    private final EventTracing tracing;
    private final ExecutorService completions;
    /**
     * Per topic and key, the events handed over from here and not yet settled, oldest first, and how far in the key's
     * order everything is sent or on its way; the most recently used keys are remembered after their events settled.
     * Guarded by itself.
     */
    private final Map<TopicKey, Lane> lanes = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TopicKey, Lane> eldest) {
            return size() > LANES_REMEMBERED && eldest.getValue().events.isEmpty();
        }
    };
    private volatile boolean stopping;

    OutboxSender(KafkaOperations<Object, Object> kafka, OutboxPublications publications, OutboxProperties properties,
            EventTracing tracing) {
        this.kafka = kafka;
        this.publications = publications;
        this.sendTimeout = properties.sendTimeout();
        this.followWithin = properties.followWithin();
        this.tracing = tracing;
        this.handOver = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-send").daemon().factory());
        this.completions = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-acks").daemon()
                .factory());
    }

    /**
     * Takes an event to send, in the order events are given to it, and answers at once; the answer completes once the
     * event and every earlier one of its key sent from here are acknowledged, or fails.
     */
    CompletableFuture<Void> send(RoutingTarget target, Object payload) {
        if (stopping) {
            // failed now, in the database, so that another instance (or the restart) takes it at once rather than
            // after exchange.outbox.stale-after
            return CompletableFuture.failedFuture(new IllegalStateException("The service is stopping"));
        }
        CompletableFuture<Void> answer = new CompletableFuture<>();
        try {
            handOver.execute(() -> handOver(target, payload, answer));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The service is stopping", e));
        }
        return answer;
    }

    /** On the hand-over thread, one event after another: to the producer, or held back. */
    private void handOver(RoutingTarget target, Object payload, CompletableFuture<Void> answer) {
        Message<?> message = payload instanceof Message<?> m ? m : MessageBuilder.withPayload(payload).build();
        String eventId = header(message, CloudEventHeaders.ID);
        if (stopping) {
            answer.completeExceptionally(new IllegalStateException("The service is stopping"));
            return;
        }
        TopicKey key = new TopicKey(target.getTarget(), String.valueOf(target.getKey()));
        InFlight event = new InFlight(eventId, System.nanoTime());
        InFlight before;
        try {
            before = admit(key, target, event);
        } catch (HeldBackException e) {
            log.debug("Holding back event {} for key {} on {}: an older event of that key is not yet sent", eventId,
                    target.getKey(), target.getTarget());
            answer.completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            logNotSent(eventId, target, e);
            answer.completeExceptionally(e);
            return;
        }
        Message<?> routed = MessageBuilder.fromMessage(message)
                .setHeaderIfAbsent(KafkaHeaders.KEY, target.getKey())
                .setHeaderIfAbsent(KafkaHeaders.TOPIC, target.getTarget())
                .build();
        Span span = tracing.startPublish(header(message, CloudEventHeaders.TRACE_PARENT), eventId, target.getTarget());
        CompletableFuture<SendResult<Object, Object>> acknowledged;
        try (Tracer.SpanInScope scope = tracing.inScope(span)) {
            acknowledged = kafka.send(routed).orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            acknowledged = CompletableFuture.failedFuture(e);
        }
        acknowledged.whenComplete((result, error) -> event.acknowledged = true);
        CompletableFuture<Void> earlierSent = before == null ? CompletableFuture.completedFuture(null) : before.sent;
        CompletableFuture<SendResult<Object, Object>> own = acknowledged;
        CompletableFuture.allOf(own, earlierSent).whenCompleteAsync((ignored, error) ->
                settle(key, target, event, own, earlierSent, span, answer), completions);
    }

    /**
     * Puts the event in its key's lane and returns the one it rides behind, or null when it rides behind none; or
     * throws {@link HeldBackException} when an older publication of its key is not on its way from here. The outbox
     * table is asked only about the publications after what the lane already sent: one indexed look, whatever the
     * backlog. An event older than what the lane sent (resubmitted, or another instance's) is checked against all of
     * its key's publications and, if none older waits, sent on its own.
     */
    private InFlight admit(TopicKey key, RoutingTarget target, InFlight event) {
        boolean afresh = false;
        while (true) {
            long after = 0;
            if (!afresh) {
                synchronized (lanes) {
                    Lane lane = lanes.get(key);
                    after = lane == null || lane.broken ? 0 : lane.sentUpTo;
                }
            }
            Optional<OutboxPublications.Place> place = event.eventId == null ? Optional.empty()
                    : publications.place(event.eventId, after);
            synchronized (lanes) {
                Lane lane = lanes.get(key);
                InFlight before = null;
                if (place.isPresent()) {
                    long seq = place.get().seq();
                    if (place.get().olderWaiting()) {
                        throw new HeldBackException(event.eventId, target);
                    }
                    if (after > 0) {
                        if (lane == null || lane.broken || lane.sentUpTo != after || seq <= after) {
                            afresh = true;
                            continue;
                        }
                        if (!lane.withinFollowWindow(event.handedOver, followWithin)) {
                            throw new HeldBackException(event.eventId, target);
                        }
                        before = lane.events.peekLast();
                    }
                    lane = lanes.computeIfAbsent(key, k -> new Lane());
                    if (!lane.broken) {
                        lane.sentUpTo = Math.max(lane.sentUpTo, seq);
                    }
                } else {
                    lane = lanes.computeIfAbsent(key, k -> new Lane());
                }
                lane.events.addLast(event);
                return before;
            }
        }
    }

    /**
     * On the sender's own thread, once the event is acknowledged (or not) and the one before it in its lane is settled:
     * completes the event's publication (Spring Modulith does, on the answer), or fails it.
     */
    private void settle(TopicKey key, RoutingTarget target, InFlight event,
            CompletableFuture<SendResult<Object, Object>> own, CompletableFuture<Void> earlierSent, Span span,
            CompletableFuture<Void> answer) {
        Throwable error = own.isCompletedExceptionally() ? cause(own) : null;
        if (error == null && earlierSent.isCompletedExceptionally()) {
            error = new HeldBackException(event.eventId, target);
        }
        try {
            if (error == null) {
                event.sent.complete(null);
                // with no value: Spring would publish a listener's non-null result as an application event
                answer.complete(null);
            } else {
                span.error(error);
                synchronized (lanes) {
                    Lane lane = lanes.get(key);
                    if (lane != null) {
                        lane.broken = true;
                    }
                }
                event.sent.completeExceptionally(error);
                if (!(error instanceof HeldBackException)) {
                    logNotSent(event.eventId, target, error);
                }
                answer.completeExceptionally(error);
            }
        } finally {
            span.end();
            synchronized (lanes) {
                Lane lane = lanes.get(key);
                if (lane != null) {
                    lane.events.remove(event);
                    if (lane.events.isEmpty() && lane.broken) {
                        // what it knew of the key's order is no longer true: the next event reads it afresh
                        lanes.remove(key);
                    }
                }
            }
        }
    }

    /** Nothing to start: sending begins with the first event. */
    @Override
    public void start() {
        stopping = false;
    }

    /**
     * Fails what the hand-over thread still holds, waits (bounded) until it has, and then until the events on their way
     * are acknowledged and their publications completed: all of that while the database and the producer are still
     * there, so that what is not sent is marked failed for the next resubmission to take.
     */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        try {
            CompletableFuture.runAsync(() -> { }, handOver).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            List<CompletableFuture<Void>> onTheirWay = new ArrayList<>();
            synchronized (lanes) {
                lanes.values().forEach(lane -> lane.events.forEach(event -> onTheirWay.add(event.sent)));
            }
            CompletableFuture.allOf(onTheirWay.toArray(CompletableFuture[]::new))
                    .exceptionally(error -> null)
                    .thenRunAsync(() -> { }, completions)
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("The outbox did not finish sending before the service stopped: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        handOver.shutdown();
        completions.shutdown();
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    /** Events handed over from here whose publications are not yet settled. */
    int onTheirWay() {
        synchronized (lanes) {
            return lanes.values().stream().mapToInt(lane -> lane.events.size()).sum();
        }
    }

    private static Throwable cause(CompletableFuture<?> future) {
        try {
            future.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private static void logNotSent(String eventId, RoutingTarget target, Throwable cause) {
        log.warn("Event {} not sent to {} (it stays in the outbox and is resubmitted): {}", eventId,
                target.getTarget(), cause.toString());
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private record TopicKey(String topic, String key) {
    }

    /**
     * A key's events handed over from here, oldest first. {@code sentUpTo}: every publication of the key up to that
     * place in its order was sent, or is on its way in this lane. Broken once one of its events failed, until all
     * have settled.
     */
    private static final class Lane {

        private final Deque<InFlight> events = new ArrayDeque<>();
        private long sentUpTo;
        private boolean broken;

        /** Whether the oldest of its events not yet acknowledged was handed over less than {@code followWithin} ago. */
        boolean withinFollowWindow(long handedOver, Duration followWithin) {
            for (InFlight event : events) {
                if (!event.acknowledged) {
                    return handedOver - event.handedOver < followWithin.toNanos();
                }
            }
            return true;
        }
    }

    /** One event handed to the producer: {@code sent} completes once it and every earlier one of its lane are. */
    private static final class InFlight {

        private final String eventId;
        /** {@link System#nanoTime()} when it was handed to the producer. */
        private final long handedOver;
        private final CompletableFuture<Void> sent = new CompletableFuture<>();
        private volatile boolean acknowledged;

        InFlight(String eventId, long handedOver) {
            this.eventId = eventId;
            this.handedOver = handedOver;
        }
    }

    /** An event not sent because an older event of its key is still in the outbox, or was not sent. */
    static final class HeldBackException extends RuntimeException {

        HeldBackException(String eventId, RoutingTarget target) {
            super("Event " + eventId + " waits for an older event of key " + target.getKey() + " on "
                    + target.getTarget(), null, false, false);
        }
    }
}

package org.exchange.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.HdrHistogram.Histogram;

/**
 * The figures of event propagation from the instants each part recorded of each event (all epoch microseconds, one
 * wall clock): the request that wrote the events (the benchmark), the outbox row of each event (exchange-service's
 * database), the record on the broker (the benchmark's {@link EventTap}), and each consumer's inbox row with the poll
 * that first read it ({@link InboxWatch}). What each figure spans:
 * <ul>
 * <li><b>commit to visible</b>, the figure: from the commit of the request's transaction, taken as the latest
 * {@code publication_date} of its events (written in that transaction just before it commits: a lower bound of the
 * commit, so the figure is an upper bound), to the first poll of the consumer's database that reads the event's inbox
 * row, written in one transaction with the CPD activity or the workshop (an upper bound of the consumer's commit, by
 * up to one poll);</li>
 * <li><b>due to visible</b>: from the request's due time on the open-loop schedule, so the exchange request itself and
 * any stall count (coordinated omission);</li>
 * <li>the stages: the request (due to answer); commit to send (the outbox thread takes the event: the Kafka record's
 * timestamp, to the millisecond); send to acknowledged ({@code completion_date}); send to on the topic (the tap's
 * poll); send to the consumer's transaction ({@code processed_at}); and that transaction to visible.</li>
 * </ul>
 */
final class PropagationFigures {

    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1_000;

    /**
     * One attendance request as the benchmark sent it.
     *
     * @param status the answer's status (200 recorded the attendance)
     * @param recordedAt the instant the service gave the attendance it recorded, which its events carry
     * @param events the lines it changed, each an event (a line already as stated changes nothing)
     */
    record Request(long dueMicros, long sentMicros, long answeredMicros, int status, UUID meetingId,
            Instant recordedAt, int events) {

        boolean recorded() {
            return status == 200 && recordedAt != null;
        }

        String key() {
            return key(meetingId, recordedAt);
        }

        static String key(UUID meetingId, Instant recordedAt) {
            return meetingId + "|" + recordedAt;
        }
    }

    /** An event's row in the publishing service's outbox: written in the transaction, acknowledged by the broker. */
    record Outbox(long publishedMicros, long completedMicros) {
    }

    /** What one consumer's part measured. */
    record Consumer(String name, Histogram fromCommit, Histogram fromDue, Histogram sendToTransaction,
            Histogram transactionToVisible, long visible, long missing, long lastVisibleMicros) {

        Consumer merge(Consumer other) {
            return new Consumer(name, add(fromCommit, other.fromCommit), add(fromDue, other.fromDue),
                    add(sendToTransaction, other.sendToTransaction),
                    add(transactionToVisible, other.transactionToVisible), visible + other.visible,
                    missing + other.missing, Math.max(lastVisibleMicros, other.lastVisibleMicros));
        }
    }

    private final long requests;
    private final long failedRequests;
    private final long events;
    private final double seconds;
    private final double meanValueBytes;
    private final Histogram request;
    private final Histogram commitBracket;
    private final Histogram commitToSend;
    private final Histogram sendToAcknowledged;
    private final Histogram sendToTopic;
    private final Map<String, Consumer> consumers;

    private PropagationFigures(long requests, long failedRequests, long events, double seconds,
            double meanValueBytes, Histogram request, Histogram commitBracket, Histogram commitToSend,
            Histogram sendToAcknowledged, Histogram sendToTopic, Map<String, Consumer> consumers) {
        this.requests = requests;
        this.failedRequests = failedRequests;
        this.events = events;
        this.seconds = seconds;
        this.meanValueBytes = meanValueBytes;
        this.request = request;
        this.commitBracket = commitBracket;
        this.commitToSend = commitToSend;
        this.sendToAcknowledged = sendToAcknowledged;
        this.sendToTopic = sendToTopic;
        this.consumers = consumers;
    }

    /**
     * The figures of one round.
     *
     * @param requests every request of the round, recorded or not
     * @param tapped the events the tap saw of those requests
     * @param outbox the outbox rows of those events, by event id
     * @param handled by consumer name, each consumer's handling of events, by event id
     */
    static PropagationFigures of(List<Request> requests, Collection<EventTap.Tapped> tapped,
            Map<String, Outbox> outbox, Map<String, Map<String, InboxWatch.Handled>> handled) {
        Map<String, Request> byKey = new HashMap<>();
        Histogram request = histogram();
        long failed = 0;
        long firstDue = Long.MAX_VALUE;
        long lastDue = Long.MIN_VALUE;
        for (Request sent : requests) {
            firstDue = Math.min(firstDue, sent.dueMicros());
            lastDue = Math.max(lastDue, sent.dueMicros());
            record(request, sent.answeredMicros() - sent.dueMicros());
            if (sent.recorded()) {
                byKey.put(sent.key(), sent);
            } else {
                failed++;
            }
        }
        // the commit of each request: no earlier than the last event its transaction wrote
        Map<String, Long> committed = new HashMap<>();
        List<EventTap.Tapped> events = new ArrayList<>();
        long valueBytes = 0;
        for (EventTap.Tapped event : tapped) {
            String key = Request.key(event.meetingId(), event.recordedAt());
            Outbox row = outbox.get(event.eventId());
            if (byKey.containsKey(key) && row != null) {
                events.add(event);
                valueBytes += event.valueBytes();
                committed.merge(key, row.publishedMicros(), Math::max);
            }
        }
        Histogram commitBracket = histogram();
        committed.forEach((key, at) -> record(commitBracket, byKey.get(key).answeredMicros() - at));
        Histogram commitToSend = histogram();
        Histogram sendToAcknowledged = histogram();
        Histogram sendToTopic = histogram();
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        handled.keySet().forEach(name -> consumers.put(name, new Consumer(name, histogram(), histogram(),
                histogram(), histogram(), 0, 0, 0)));
        for (EventTap.Tapped event : events) {
            String key = Request.key(event.meetingId(), event.recordedAt());
            long commit = committed.get(key);
            Outbox row = outbox.get(event.eventId());
            record(commitToSend, event.createdMicros() - commit);
            if (row.completedMicros() > 0) {
                record(sendToAcknowledged, row.completedMicros() - event.createdMicros());
            }
            record(sendToTopic, event.tappedMicros() - event.createdMicros());
            for (Map.Entry<String, Map<String, InboxWatch.Handled>> consumer : handled.entrySet()) {
                InboxWatch.Handled seen = consumer.getValue().get(event.eventId());
                Consumer figures = consumers.get(consumer.getKey());
                if (seen == null) {
                    consumers.put(consumer.getKey(), new Consumer(figures.name(), figures.fromCommit(),
                            figures.fromDue(), figures.sendToTransaction(), figures.transactionToVisible(),
                            figures.visible(), figures.missing() + 1, figures.lastVisibleMicros()));
                    continue;
                }
                record(figures.fromCommit(), seen.visibleMicros() - commit);
                record(figures.fromDue(), seen.visibleMicros() - byKey.get(key).dueMicros());
                record(figures.sendToTransaction(), seen.processedMicros() - event.createdMicros());
                record(figures.transactionToVisible(), seen.visibleMicros() - seen.processedMicros());
                consumers.put(consumer.getKey(), new Consumer(figures.name(), figures.fromCommit(),
                        figures.fromDue(), figures.sendToTransaction(), figures.transactionToVisible(),
                        figures.visible() + 1, figures.missing(), Math.max(figures.lastVisibleMicros(),
                        seen.visibleMicros())));
            }
        }
        double seconds = requests.isEmpty() ? 0 : Math.max(1, lastDue - firstDue) / 1e6;
        return new PropagationFigures(requests.size(), failed, events.size(), seconds,
                events.isEmpty() ? 0 : (double) valueBytes / events.size(), request, commitBracket, commitToSend,
                sendToAcknowledged, sendToTopic, consumers);
    }

    /** Several rounds taken together. */
    static PropagationFigures merge(List<PropagationFigures> rounds) {
        PropagationFigures all = rounds.getFirst();
        for (PropagationFigures round : rounds.subList(1, rounds.size())) {
            Map<String, Consumer> consumers = new LinkedHashMap<>();
            all.consumers.forEach((name, figures) -> consumers.put(name, figures.merge(round.consumers.get(name))));
            double valueBytes = all.events + round.events == 0 ? 0
                    : (all.meanValueBytes * all.events + round.meanValueBytes * round.events) / (all.events
                            + round.events);
            all = new PropagationFigures(all.requests + round.requests, all.failedRequests + round.failedRequests,
                    all.events + round.events, all.seconds + round.seconds, valueBytes,
                    add(all.request, round.request), add(all.commitBracket, round.commitBracket),
                    add(all.commitToSend, round.commitToSend), add(all.sendToAcknowledged, round.sendToAcknowledged),
                    add(all.sendToTopic, round.sendToTopic), consumers);
        }
        return all;
    }

    long events() {
        return events;
    }

    double meanValueBytes() {
        return meanValueBytes;
    }

    Map<String, Consumer> consumers() {
        return consumers;
    }

    /** The slowest consumer's commit-to-visible figures: what the target is judged on. */
    Histogram fromCommit() {
        Histogram worst = null;
        for (Consumer consumer : consumers.values()) {
            if (worst == null || consumer.fromCommit().getValueAtPercentile(99)
                    > worst.getValueAtPercentile(99)) {
                worst = consumer.fromCommit();
            }
        }
        return worst == null ? histogram() : worst;
    }

    void print(String label, PrintStream out) {
        out.printf("[bench] %s: %d requests (%d not recorded), %d events offered at %.0f events/s (mean payload %.0f "
                        + "bytes); load average %s%n", label, requests, failedRequests, events,
                seconds == 0 ? 0 : events / seconds, meanValueBytes, LoadAverage.now());
        for (Consumer consumer : consumers.values()) {
            out.printf("[bench] %s, %s: commit to visible %s; due to visible %s; %d visible, %d not seen%n", label,
                    consumer.name(), describe(consumer.fromCommit()), describe(consumer.fromDue()),
                    consumer.visible(), consumer.missing());
        }
        out.printf("[bench] %s, stages: request (due to answer) %s; commit to answer %s; commit to send (outbox) %s; "
                + "send to acknowledged %s; send to on the topic %s%n", label, describe(request),
                describe(commitBracket), describe(commitToSend), describe(sendToAcknowledged), describe(sendToTopic));
        for (Consumer consumer : consumers.values()) {
            out.printf("[bench] %s, stages in %s: send to its transaction %s; its transaction to visible %s%n", label,
                    consumer.name(), describe(consumer.sendToTransaction()), describe(consumer.transactionToVisible()));
        }
    }

    /** p50, p99 and max in milliseconds. */
    static String describe(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "none";
        }
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", micros.getValueAtPercentile(50) / 1e3,
                micros.getValueAtPercentile(99) / 1e3, micros.getMaxValue() / 1e3);
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Differences below zero (an instant to the millisecond against one to the microsecond) count as zero. */
    private static void record(Histogram histogram, long micros) {
        histogram.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, micros)));
    }

    private static Histogram add(Histogram a, Histogram b) {
        Histogram sum = a.copy();
        sum.add(b);
        return sum;
    }
}

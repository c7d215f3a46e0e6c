package org.exchange.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;

/**
 * How the outbox hands a key's events to the producer without waiting for each acknowledgement, and what it completes
 * when. The producer is Kafka's own {@link MockProducer}, which acknowledges or fails sends when the test says so: the
 * interleavings below (an acknowledgement for a later event while an earlier one fails) cannot be produced on demand by
 * a real broker. The real broker's side, order per key through an outage and a killed instance, is
 * {@code OutboxAndInboxUnderFaultsTest}'s.
 */
class OutboxSenderTest {

    private static final String TOPIC = "outbox.test";

    private final List<String> checkedAgainstTheOutbox = new CopyOnWriteArrayList<>();
    /** The outbox table as the test writes it: per key, the event ids in publication order. */
    private final Map<String, List<String>> written = new ConcurrentHashMap<>();
    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    private MockProducer<Object, Object> producer;
    private OutboxSender sender;

    @BeforeEach
    void aSenderOnAProducerThatAnswersWhenTold() {
        sender = sender(Duration.ofSeconds(2));
    }

    @AfterEach
    void stopTheSender() {
        sender.destroy();
    }

    @Test
    void aKeysLaterEventsAreHandedOverBeforeTheFirstIsAcknowledged()
            throws Exception {
        CompletableFuture<?> first = send("a", "meeting-1");
        CompletableFuture<?> second = send("b", "meeting-1");
        CompletableFuture<?> third = send("c", "meeting-1");

        awaitHandedOver(3);
        assertThat(checkedAgainstTheOutbox).containsExactly("a", "b", "c");
        assertThat(sender.onTheirWay()).isEqualTo(3);

        acknowledgeAll();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        third.get(5, TimeUnit.SECONDS);
        assertThat(producer.history()).extracting(record -> record.key()).containsExactly("meeting-1", "meeting-1",
                "meeting-1");
        awaitNothingOnItsWay();
    }

    @Test
    void anEventBehindOneThatFailedFailsTooThoughTheBrokerAcknowledgedIt() {
        CompletableFuture<?> first = send("a", "meeting-1");
        CompletableFuture<?> second = send("b", "meeting-1");
        awaitHandedOver(2);

        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        producer.completeNext();

        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(KafkaProducerException.class).hasRootCauseInstanceOf(TimeoutException.class);
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OutboxSender.HeldBackException.class);
    }

    @Test
    void afterAFailureTheKeysNextEventIsCheckedAgainstTheOutboxAndHeldBackBehindTheFailedOne() throws Exception {
        CompletableFuture<?> first = send("a", "meeting-1");
        awaitHandedOver(1);
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        awaitNothingOnItsWay();

        CompletableFuture<?> next = send("b", "meeting-1");

        assertThatThrownBy(() -> next.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OutboxSender.HeldBackException.class);
        assertThat(checkedAgainstTheOutbox).containsExactly("a", "b");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void anEventDoesNotRideBehindItsKeysEventsOnTheirWayWhileAnOlderOneOfItsKeyWaitsInTheOutbox() {
        send("a", "meeting-1");
        write("b", "meeting-1");
        awaitHandedOver(1);

        CompletableFuture<?> c = send("c", "meeting-1");

        assertThatThrownBy(() -> c.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OutboxSender.HeldBackException.class);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void anEventOlderThanWhatItsKeyAlreadySentIsCheckedAgainstAllOfItsKeyAndSentOnItsOwnWhenNothingOlderWaits()
            throws Exception {
        CompletableFuture<?> later = send("later", "meeting-1");
        awaitHandedOver(1);
        acknowledgeAll();
        later.get(5, TimeUnit.SECONDS);
        // committed by another instance before "later", but visible only now, and resubmitted here
        written.get("meeting-1").add(0, "earlier");

        CompletableFuture<?> earlier = send("earlier", "meeting-1");
        awaitHandedOver(2);
        acknowledgeAll();

        earlier.get(5, TimeUnit.SECONDS);
        assertThat(checkedAgainstTheOutbox).containsExactly("later", "earlier", "earlier");
    }

    @Test
    void eventsOfOtherKeysNeitherWaitForNorFailWithEachOther() throws Exception {
        CompletableFuture<?> one = send("a", "meeting-1");
        CompletableFuture<?> other = send("b", "meeting-2");
        awaitHandedOver(2);

        assertThat(checkedAgainstTheOutbox).containsExactly("a", "b");
        producer.errorNext(new TimeoutException("Expiring 1 record(s)"));
        producer.completeNext();

        assertThatThrownBy(() -> one.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anEventWhoseKeyWaitsTooLongForAnAcknowledgementIsCheckedAgainstTheOutboxInsteadOfPilingUpInTheProducer() {
        sender.destroy();
        sender = sender(Duration.ZERO);
        send("a", "meeting-1");
        awaitHandedOver(1);

        CompletableFuture<?> second = send("b", "meeting-1");

        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(OutboxSender.HeldBackException.class);
        assertThat(checkedAgainstTheOutbox).containsExactly("a", "b");
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void aPublicationIsCompletedOnTheSendersOwnThreadNotOnTheOneTheBrokersAnswerArrivesOn() throws Exception {
        CompletableFuture<String> completedOn = send("a", "meeting-1")
                .thenApply(result -> Thread.currentThread().getName());
        awaitHandedOver(1);

        acknowledgeAll();

        assertThat(completedOn.get(5, TimeUnit.SECONDS)).isEqualTo("outbox-acks");
    }

    @Test
    void aStoppingSenderRefusesNewEventsSoThatTheyAreFailedForAnotherInstanceToTake() {
        CompletableFuture<?> onItsWay = send("a", "meeting-1");
        awaitHandedOver(1);
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(sender::stop);
        acknowledgeAll();
        stopped.join();

        assertThat(onItsWay).isCompleted();
        assertThatThrownBy(() -> send("b", "meeting-1").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IllegalStateException.class);
    }

    private OutboxSender sender(Duration followWithin) {
        Partitioner onePartition = new Partitioner() {
            @Override
            public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                    Cluster cluster) {
                return 0;
            }

            @Override
            public void close() {
            }

            @Override
            public void configure(java.util.Map<String, ?> configs) {
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        MockProducer<Object, Object> mock = new MockProducer<>(false, onePartition,
                (Serializer) new StringSerializer(), (Serializer) new ByteArraySerializer()) {
            // the template closes its producer after each send, as it may a factory's; this one is the broker's
            // stand-in for the whole test
            @Override
            public void close(Duration timeout) {
            }
        };
        producer = mock;
        OutboxPublications publications = new OutboxPublications(null) {
            @Override
            Optional<Place> place(String eventId, long after) {
                checkedAgainstTheOutbox.add(eventId);
                List<String> ofItsKey = written.values().stream().filter(ids -> ids.contains(eventId)).findFirst()
                        .orElseThrow();
                long seq = ofItsKey.indexOf(eventId) + 1;
                if (completed.contains(eventId)) {
                    return Optional.empty();
                }
                boolean waiting = false;
                for (int i = (int) after; i < seq - 1; i++) {
                    waiting |= !completed.contains(ofItsKey.get(i));
                }
                return Optional.of(new Place(seq, waiting));
            }
        };
        OutboxProperties properties = new OutboxProperties(null, null, null, null, Duration.ofSeconds(10),
                followWithin);
        return new OutboxSender(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), publications,
                properties, new EventTracing(Tracer.NOOP, Propagator.NOOP));
    }

    /** An event written to the outbox (committed), and not given to the sender. */
    private void write(String eventId, String key) {
        written.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(eventId);
    }

    /** An event written and given to the sender, whose answer completes its publication as Spring Modulith does. */
    private CompletableFuture<?> send(String eventId, String key) {
        if (written.values().stream().noneMatch(ids -> ids.contains(eventId))) {
            write(eventId, key);
        }
        return sender.send(RoutingTarget.forTarget(TOPIC).andKey(key), MessageBuilder.withPayload(new byte[] {1})
                .setHeader(CloudEventHeaders.ID, eventId).build()).thenApply(result -> {
                    completed.add(eventId);
                    return result;
                });
    }

    private void acknowledgeAll() {
        while (producer.completeNext()) {
            // each in the order it was sent, as the broker acknowledges a partition's records
        }
    }

    private void awaitHandedOver(int records) {
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == records);
    }

    private void awaitNothingOnItsWay() {
        await().atMost(Duration.ofSeconds(5)).until(() -> sender.onTheirWay() == 0);
    }
}

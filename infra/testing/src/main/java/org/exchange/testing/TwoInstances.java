package org.exchange.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.EventTypes;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Scaling a consuming service out, proven on the service's own listeners: a second instance joins the service's
 * consumer group (a second member with the service's own listener, inbox, retries and dead-letter handling, on the
 * service's one database, as a second pod is) and the two share the partitions of the topics the events go to. Every
 * event is then delivered, and delivered again latest first - once while both instances run, to the instance that
 * handled it, and once after the second has left, to the first instance, which did not handle the second's share -
 * as an outbox that resubmits after a crash or a consumer that lost its commit would deliver it. The inbox must
 * ignore every repeated delivery; the caller then checks each event's effect in the service's own terms.
 *
 * <p>The first instance is the test's Spring context (the module's shared one, on the shared engines); nothing new
 * starts but the second member's consumers.
 */
public final class TwoInstances {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ApplicationContext context;
    private final String bootstrapServers;

    private TwoInstances(ApplicationContext context) {
        this.context = context;
        this.bootstrapServers = context.getEnvironment().getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    /**
     * One integration event as its publishing context puts it on its topic (CloudEvents binary mode, the payload in
     * JSON as the service's own mapper writes it).
     */
    public record Event(String topic, String type, String key, UUID id, Object payload) {

        /**
         * An event of a contracts record, with an id of its own, on its context's topic; its key is the aggregate id,
         * as the publisher's outbox keys it.
         */
        public static Event of(Object key, Object payload) {
            return new Event(EventTypes.topic(payload.getClass()), EventTypes.typeName(payload.getClass()),
                    key.toString(), UUID.randomUUID(), payload);
        }
    }

    /**
     * What happened to the events.
     *
     * @param handledByFirst events the first instance (the test's context) handled
     * @param handledBySecond events the second instance handled
     * @param deliveredAgain deliveries of an event handled before
     * @param ignoredByTheInbox those the inbox recognised and ignored
     */
    public record Outcome(int handledByFirst, int handledBySecond, int deliveredAgain, long ignoredByTheInbox) {
    }

    /**
     * Runs a second instance of the service in {@code context} beside it, delivers the events once and then twice
     * more as described above, and checks that both instances handled some, and the inbox ignored every repeat.
     * Events of one key stay in order on one partition; keys are spread over the partitions in turn, so that each
     * instance gets a share. Give at least as many keys as the topic has partitions.
     */
    public static Outcome deliver(ApplicationContext context, List<Event> events) {
        return new TwoInstances(context).run(events);
    }

    private Outcome run(List<Event> events) {
        Map<String, Integer> partitions = partitionsOf(events);
        Set<UUID> ids = new LinkedHashSet<>(events.stream().map(Event::id).toList());
        assertThat(ids).as("each event has an id of its own").hasSize(events.size());
        List<ProducerRecord<String, byte[]>> records = spread(events, partitions, context.getBean(JsonMapper.class));

        KafkaListenerEndpointRegistry registry = context.getBean(KafkaListenerEndpointRegistry.class);
        String group = context.getEnvironment().getRequiredProperty("spring.kafka.consumer.group-id");
        List<MessageListenerContainer> first = new ArrayList<>();
        for (String topic : partitions.keySet()) {
            List<MessageListenerContainer> listening = registry.getListenerContainers().stream()
                    .filter(container -> subscribesTo(container, topic)).toList();
            assertThat(listening).as("listeners of this service on %s", topic).isNotEmpty();
            listening.forEach(container -> assertThat(container.getGroupId())
                    .as("%s listens in the service's own consumer group", container.getListenerId()).isEqualTo(group));
            first.addAll(listening);
        }

        Set<UUID> receivedBySecond = ConcurrentHashMap.newKeySet();
        List<MessageListenerContainer> second = first.stream()
                .map(container -> startSecond(container, group, record -> {
                    UUID id = id(record);
                    if (id != null) {
                        receivedBySecond.add(id);
                    }
                }))
                .toList();
        long ignoredBefore = ignoredByTheInbox();
        try {
            await("both instances hold partitions of " + partitions.keySet()).atMost(PATIENCE)
                    .until(() -> partitions.entrySet().stream().allMatch(topic -> {
                        int held = held(first, topic.getKey());
                        int heldBySecond = held(second, topic.getKey());
                        return held > 0 && heldBySecond > 0 && held + heldBySecond == topic.getValue();
                    }));

            send(records);
            JdbcClient database = JdbcClient.create(context.getBean(DataSource.class));
            await("every event handled").atMost(PATIENCE).until(() -> database
                    .sql("select count(*) from processed_event where event_id in (:ids)").param("ids", ids)
                    .query(Long.class).single() == ids.size());

            send(latestFirst(records));
            await("the repeats, each to the instance that handled it, ignored").atMost(PATIENCE)
                    .until(() -> ignoredByTheInbox() - ignoredBefore >= records.size());
        } finally {
            second.forEach(MessageListenerContainer::stop);
        }
        await("the first instance holds every partition again").atMost(PATIENCE)
                .until(() -> partitions.entrySet().stream()
                        .allMatch(topic -> held(first, topic.getKey()) == topic.getValue()));
        send(latestFirst(records));
        await("the repeats, the second's share now to the first, ignored").atMost(PATIENCE)
                .until(() -> ignoredByTheInbox() - ignoredBefore >= 2L * records.size());

        int bySecond = (int) ids.stream().filter(receivedBySecond::contains).count();
        Outcome outcome = new Outcome(ids.size() - bySecond, bySecond, 2 * records.size(),
                ignoredByTheInbox() - ignoredBefore);
        System.out.println("[scale-out] " + group + " on " + partitions + ": events=" + ids.size()
                + " handled-by-first=" + outcome.handledByFirst() + " handled-by-second=" + outcome.handledBySecond()
                + " delivered-again=" + outcome.deliveredAgain() + " ignored-by-inbox=" + outcome.ignoredByTheInbox());
        assertThat(outcome.handledByFirst()).as("events the first instance handled").isPositive();
        assertThat(outcome.handledBySecond()).as("events the second instance handled").isPositive();
        // at least: a repeat an earlier test of the module sent may land in the same count
        assertThat(outcome.ignoredByTheInbox()).as("repeated deliveries the inbox ignored")
                .isGreaterThanOrEqualTo(outcome.deliveredAgain());
        return outcome;
    }

    /** The partitions of each topic the events go to; the test needs several. */
    private Map<String, Integer> partitionsOf(List<Event> events) {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : new LinkedHashSet<>(events.stream().map(Event::topic).toList())) {
                int count = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
                assertThat(count).as("partitions of %s (two instances need several to share)", topic)
                        .isGreaterThan(1);
                partitions.put(topic, count);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot describe the topics: " + e.getCause().getMessage(), e);
        }
        return partitions;
    }

    /** The events as records, each key on a partition of its own in turn, in the given order. */
    private static List<ProducerRecord<String, byte[]>> spread(List<Event> events, Map<String, Integer> partitions,
            JsonMapper json) {
        Map<String, Integer> partitionOfKey = new LinkedHashMap<>();
        Map<String, Integer> keysOfTopic = new LinkedHashMap<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Event event : events) {
            String key = event.topic() + "/" + event.key();
            if (!partitionOfKey.containsKey(key)) {
                int keys = keysOfTopic.merge(event.topic(), 1, Integer::sum);
                partitionOfKey.put(key, (keys - 1) % partitions.get(event.topic()));
            }
            int partition = partitionOfKey.get(key);
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.ID, event.id().toString().getBytes(UTF_8));
            headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
            headers.add(CloudEventHeaders.TYPE, event.type().getBytes(UTF_8));
            headers.add(CloudEventHeaders.SOURCE, ("/" + event.topic().replace(".events", "") + "-service")
                    .getBytes(UTF_8));
            headers.add(CloudEventHeaders.SUBJECT, event.key().getBytes(UTF_8));
            headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
            headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
            records.add(new ProducerRecord<>(event.topic(), partition, event.key(),
                    json.writeValueAsBytes(event.payload()), headers));
        }
        return records;
    }

    /**
     * The same records (id, headers, key, partition) in reverse order: each aggregate's oldest event comes last, so a
     * repeat that took effect would leave the aggregate as its oldest event had it, or count it twice.
     */
    private static List<ProducerRecord<String, byte[]>> latestFirst(List<ProducerRecord<String, byte[]>> records) {
        return records.reversed();
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot send: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * A second member of the group with the same listener (the service's own method behind its inbox), made by the
     * service's own container factory, so with its error handler (retries, dead letters) and observation.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private MessageListenerContainer startSecond(MessageListenerContainer first, String group,
            java.util.function.Consumer<ConsumerRecord<?, ?>> received) {
        AbstractKafkaListenerContainerFactory factory = context.getBean("kafkaListenerContainerFactory",
                AbstractKafkaListenerContainerFactory.class);
        AbstractMessageListenerContainer second = (AbstractMessageListenerContainer) factory
                .createContainer(first.getContainerProperties().getTopics());
        second.getContainerProperties().setGroupId(group);
        second.getContainerProperties().setClientId("second-instance");
        second.setBeanName("second-instance-" + first.getListenerId());
        second.setupMessageListener(first.getContainerProperties().getMessageListener());
        RecordInterceptor counting = (record, consumer) -> {
            received.accept(record);
            return record;
        };
        RecordInterceptor existing = second.getRecordInterceptor();
        second.setRecordInterceptor(existing == null ? counting : new CompositeRecordInterceptor(existing, counting));
        second.start();
        return second;
    }

    private static boolean subscribesTo(MessageListenerContainer container, String topic) {
        String[] topics = container.getContainerProperties().getTopics();
        return topics != null && List.of(topics).contains(topic);
    }

    private static int held(Collection<MessageListenerContainer> containers, String topic) {
        Predicate<TopicPartition> ofTopic = partition -> partition.topic().equals(topic);
        int held = 0;
        for (MessageListenerContainer container : containers) {
            Collection<TopicPartition> assigned = container.getAssignedPartitions();
            if (container.isRunning() && assigned != null) {
                held += (int) assigned.stream().filter(ofTopic).count();
            }
        }
        return held;
    }

    /** Deliveries the service's inbox recognised as handled before and ignored, so far. */
    private long ignoredByTheInbox() {
        return (long) Search.in(context.getBean(MeterRegistry.class)).name("exchange.inbox.events")
                .tag("outcome", "duplicate").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static UUID id(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.ID);
        try {
            return header == null ? null : UUID.fromString(new String(header.value(), UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

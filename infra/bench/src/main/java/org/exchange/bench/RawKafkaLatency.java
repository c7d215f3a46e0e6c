package org.exchange.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka producer-to-consumer latency, the baseline of event propagation: records of the events' size, with
 * CloudEvents headers like theirs, sent on an open-loop schedule by a {@link KafkaProducer} set as the services' are
 * ({@link ServiceKafkaSettings}) and read by a {@link KafkaConsumer} in this JVM, on the platform's broker. Each
 * latency runs from the record's due time on the schedule until the consumer's poll returns it. Two ways of sending:
 * {@link Sending#RAW}, as a producer is meant to be used (hand the record over, move on), and
 * {@link Sending#ONE_AT_A_TIME}, as the outbox sends (one thread; each send waits for the broker's acknowledgement
 * before the next begins, infra/platform {@code OutboxSender}).
 */
final class RawKafkaLatency implements AutoCloseable {

    private static final String DUE = "bench-due-nanos";
    private static final String RUN = "bench-run";
    private static final int KEYS = 8;
    private static final long HIGHEST_NANOS = Duration.ofMinutes(10).toNanos();

    /** How the producer is used. */
    enum Sending {
        RAW("raw Kafka"), ONE_AT_A_TIME("raw Kafka, one at a time");

        final String label;

        Sending(String label) {
            this.label = label;
        }
    }

    /**
     * What one run measured.
     *
     * @param fromDue due time to the consumer's poll, in nanoseconds
     * @param received records read back (of {@code sent})
     * @param perSecond records read back a second, from the first due time to the last receipt
     */
    record Outcome(Sending sending, Histogram fromDue, long sent, long received, double perSecond) {
    }

    private final String bootstrapServers;
    private final ServiceKafkaSettings settings;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final List<String> keys = new ArrayList<>();

    RawKafkaLatency(String bootstrapServers, ServiceKafkaSettings settings, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.topic = topic;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            // as many partitions as the broker gives the services' topics when it creates them
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + topic, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
        Map<String, Object> config = new HashMap<>(settings.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producer = new KafkaProducer<>(config);
        for (int i = 0; i < KEYS; i++) {
            keys.add(UUID.randomUUID().toString());
        }
    }

    /**
     * Sends {@code perSecond} records a second for {@code duration}, each {@code valueBytes} long, and waits (bounded)
     * until the consumer has read them all.
     */
    Outcome measure(Sending sending, double perSecond, Duration duration, int valueBytes) {
        int count = Math.max(1, (int) Math.round(perSecond * duration.toNanos() / 1e9));
        Duration interval = OpenLoop.interval(perSecond);
        byte[] run = UUID.randomUUID().toString().getBytes(UTF_8);
        Recorder latencies = new Recorder(HIGHEST_NANOS, 3);
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Thread reader = Thread.ofPlatform().name("bench-raw-consumer").start(() -> {
                long deadline = System.nanoTime() + duration.toNanos() + Duration.ofSeconds(60).toNanos();
                while (received.get() < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        Header mine = record.headers().lastHeader(RUN);
                        Header due = record.headers().lastHeader(DUE);
                        if (mine != null && due != null && Arrays.equals(mine.value(), run)) {
                            long dueNanos = ByteBuffer.wrap(due.value()).getLong();
                            latencies.recordValue(Math.min(HIGHEST_NANOS, now - dueNanos));
                            received.incrementAndGet();
                            lastReceived.set(now);
                        }
                    }
                }
            });
            long first = System.nanoTime();
            if (sending == Sending.RAW) {
                OpenLoop.run(interval, count, due -> producer.send(record(due.index(), due.nanos(), run, valueBytes)));
            } else {
                oneAtATime(interval, count, run, valueBytes);
            }
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            double seconds = Math.max(1, lastReceived.get() - first) / 1e9;
            return new Outcome(sending, latencies.getIntervalHistogram(), count, received.get(),
                    received.get() / seconds);
        }
    }

    /** The outbox's way: each send waits for the broker's acknowledgement before the next; late ones go at once. */
    private void oneAtATime(Duration interval, int count, byte[] run, int valueBytes) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval.toNanos();
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            try {
                producer.send(record(i, due, run, valueBytes)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused a record", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private ProducerRecord<String, byte[]> record(int index, long dueNanos, byte[] run, int valueBytes) {
        String key = keys.get(index % KEYS);
        List<Header> headers = List.of(
                header("ce_id", UUID.randomUUID().toString()),
                header("ce_specversion", "1.0"),
                header("ce_type", "exchange.AttendanceRecorded.v1"),
                header("ce_source", "/exchange-service"),
                header("ce_subject", key),
                header("ce_time", Instant.now().toString()),
                header("content-type", "application/json"),
                new RecordHeader(RUN, run),
                new RecordHeader(DUE, ByteBuffer.allocate(Long.BYTES).putLong(dueNanos).array()));
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) 'x');
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(UTF_8));
    }

    /** A consumer of every partition of the topic, from its end: it reads only what this run sends. */
    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(settings.consumer());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

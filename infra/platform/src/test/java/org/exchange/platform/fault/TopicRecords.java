package org.exchange.platform.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault-test topic seen from outside the service: what is on it, read from the start by a consumer of no group (so
 * no instance's offsets move), and records put on it by a plain producer.
 */
final class TopicRecords {

    private TopicRecords() {
    }

    /** The records so far whose key starts with {@code keyPrefix}, in each partition's order. */
    static List<ConsumerRecord<String, byte[]>> withKeyPrefix(String bootstrapServers, String keyPrefix) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(FaultTestApplication.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant until = Instant.now().plusSeconds(30);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))
                    && Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(keyPrefix)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    /** Sends records as they are, and waits until the broker has them. */
    static void send(String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}

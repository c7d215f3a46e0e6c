package org.exchange.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings every service runs with, read from infra/platform's defaults file, so that the raw
 * baseline's producer and consumer are set as the services' are (acks, idempotence, timeouts, linger when set).
 *
 * @param producer the producer's settings beyond servers and serializers
 * @param consumer the consumer's settings beyond servers, group and deserializers
 */
record ServiceKafkaSettings(Map<String, Object> producer, Map<String, Object> consumer) {

    static final String DEFAULTS = "infra/platform/src/main/resources/exchange-platform-defaults.properties";
    private static final String PRODUCER = "spring.kafka.producer.properties.";
    private static final String CONSUMER = "spring.kafka.consumer.properties.";

    static ServiceKafkaSettings of(Path root) {
        Properties defaults = new Properties();
        try (Reader reader = Files.newBufferedReader(root.resolve(DEFAULTS))) {
            defaults.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return from(defaults);
    }

    /** These settings with some Spring properties ({@code name=value}) over them, as a service started with them. */
    ServiceKafkaSettings with(List<String> properties) {
        Properties more = new Properties();
        for (String property : properties) {
            int equals = property.indexOf('=');
            more.setProperty(property.substring(0, equals), property.substring(equals + 1));
        }
        ServiceKafkaSettings over = from(more);
        Map<String, Object> producer = new TreeMap<>(this.producer);
        producer.putAll(over.producer);
        Map<String, Object> consumer = new TreeMap<>(this.consumer);
        consumer.putAll(over.consumer);
        return new ServiceKafkaSettings(Map.copyOf(producer), Map.copyOf(consumer));
    }

    private static ServiceKafkaSettings from(Properties defaults) {
        Map<String, Object> producer = new TreeMap<>();
        Map<String, Object> consumer = new TreeMap<>();
        for (String name : defaults.stringPropertyNames()) {
            if (name.startsWith(PRODUCER)) {
                producer.put(name.substring(PRODUCER.length()), defaults.getProperty(name));
            } else if (name.startsWith(CONSUMER)) {
                consumer.put(name.substring(CONSUMER.length()), defaults.getProperty(name));
            }
        }
        String acks = defaults.getProperty("spring.kafka.producer.acks");
        if (acks != null) {
            producer.put(ProducerConfig.ACKS_CONFIG, acks);
        }
        return new ServiceKafkaSettings(Map.copyOf(producer), Map.copyOf(consumer));
    }

    /** As printed beside the figures; a setting not named is the Kafka client's default. */
    String describe() {
        return "producer " + new TreeMap<>(producer) + ", consumer " + new TreeMap<>(consumer)
                + " (others: the client's defaults)";
    }
}

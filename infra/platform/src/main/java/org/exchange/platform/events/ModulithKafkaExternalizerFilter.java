package org.exchange.platform.events;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;

/**
 * Leaves Spring Modulith's own Kafka externalizer out: it sends every event as soon as its transaction commits, so a
 * publication that failed is overtaken by later ones of the same key. The platform's ({@link OutboxSender}, declared
 * in {@link EventsAutoConfiguration}) takes its place. A filter rather than {@code spring.autoconfigure.exclude}, so
 * that a service excluding something of its own cannot bring the second sender back.
 */
public class ModulithKafkaExternalizerFilter implements AutoConfigurationImportFilter {

    static final String MODULITH_KAFKA_EXTERNALIZER =
            "org.springframework.modulith.events.kafka.KafkaEventExternalizerConfiguration";

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            match[i] = !MODULITH_KAFKA_EXTERNALIZER.equals(autoConfigurationClasses[i]);
        }
        return match;
    }
}

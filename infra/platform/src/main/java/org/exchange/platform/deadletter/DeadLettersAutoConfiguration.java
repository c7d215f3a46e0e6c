package org.exchange.platform.deadletter;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.exchange.platform.inbox.InboxAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import tools.jackson.databind.json.JsonMapper;

/** Dead letters with a way back: kept per consumer group, counted, reported in health, listed and replayed by ops. */
@AutoConfiguration(after = InboxAutoConfiguration.class)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${spring.kafka.consumer.group-id}") String consumerGroup,
            ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return new DeadLetters(jdbc, json, clock, consumerGroup,
                topic -> DeadLetterArchive.listenerOf(registry.getObject(), topic));
    }

    @Bean
    DeadLetterArchive deadLetterArchive(
            @Qualifier(KafkaListenerConfigUtils.KAFKA_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
            KafkaListenerEndpointRegistry registry,
            @Qualifier("kafkaListenerContainerFactory") AbstractKafkaListenerContainerFactory<?, ?, ?> factory,
            DeadLetters deadLetters) {
        return new DeadLetterArchive(registry, factory, deadLetters);
    }

    /** {@code exchange.dead.letters}: records this service parked that wait for ops. */
    @Bean
    MeterBinder deadLetterMeters(DeadLetters deadLetters) {
        return registry -> Gauge.builder("exchange.dead.letters", deadLetters, DeadLetters::parked)
                .tag("group", deadLetters.consumerGroup())
                .description("Records this service's consumer group parked on dead-letter topics, not yet replayed")
                .register(registry);
    }

    @Bean
    DeadLettersHealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return new DeadLettersHealthIndicator(deadLetters);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }
}

package org.exchange.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.exchange.platform.config.PlatformDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The producer every service's outbox sends with, as Spring Boot builds it from the platform's defaults: it keeps the
 * delivery guarantees (every replica acknowledges, idempotent, so no event is lost or doubled by a retry) and sends
 * each record at once. {@link OutboxSender} hands each event over as its transaction commits, so a producer that
 * lingered for a batch (Kafka 4's default, 5 ms) would hold an event that long whenever it came alone
 * (docs/performance.md, "Event propagation on the path").
 */
class OutboxProducerSettingsTest {

    @Test
    void theOutboxProducerSendsEachEventAtOnceWithEveryReplicasAcknowledgementAndNoDuplicates() {
        new ApplicationContextRunner()
                .withInitializer(context -> new PlatformDefaults().postProcessEnvironment(context.getEnvironment(),
                        new SpringApplication()))
                .withPropertyValues("spring.application.name=outbox-test")
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(ProducerFactory.class).getConfigurationProperties())
                        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0")
                        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
    }
}

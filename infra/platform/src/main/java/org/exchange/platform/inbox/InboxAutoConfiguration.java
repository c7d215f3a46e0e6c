package org.exchange.platform.inbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.exchange.contracts.Topics;
import org.exchange.platform.config.PlatformJobs;
import org.exchange.platform.events.EventsAutoConfiguration;
import org.exchange.platform.events.OutboxProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** Idempotent consumers: the inbox, retries with backoff, and dead-letter topics. */
@AutoConfiguration(after = EventsAutoConfiguration.class)
@EnableConfigurationProperties(InboxAutoConfiguration.RetryProperties.class)
public class InboxAutoConfiguration {

    /**
     * How a failing record is retried before it is parked on its dead-letter topic.
     *
     * @param attempts retries after the first failure
     * @param initialInterval the first pause, doubled each time up to {@code maxInterval}
     */
    @ConfigurationProperties("exchange.inbox.retry")
    public record RetryProperties(Integer attempts, Duration initialInterval, Duration maxInterval) {

        public RetryProperties {
            attempts = attempts == null ? 4 : attempts;
            initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
            maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
        }
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock,
            MeterRegistry meters, PlatformJobs jobs, OutboxProperties outbox) {
        Inbox inbox = new Inbox(jdbc, new TransactionTemplate(transactions), json, clock, meters);
        jobs.every("inbox-purge", outbox.purgeEvery(), Duration.ofMinutes(30),
                () -> inbox.forgetProcessedBefore(clock.instant().minus(outbox.retention())));
        return inbox;
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> kafka, RetryProperties retry) {
        // Partition -1 lets Kafka choose: a dead-letter topic need not have as many partitions as its source.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}

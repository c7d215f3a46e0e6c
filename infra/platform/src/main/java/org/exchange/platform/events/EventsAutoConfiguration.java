package org.exchange.platform.events;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.exchange.platform.config.PlatformJobs;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * The outbox: integration events published in the business transaction and externalized to Kafka after commit, in
 * order per key, resubmitted while the service runs when they could not be sent, and purged after the retention.
 * Spring Modulith's own Kafka externalizer is left out ({@link ModulithKafkaExternalizerFilter}): this one replaces it.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class EventsAutoConfiguration {

    /**
     * The time every rule reads. {@code exchange.clock.offset} (an ISO-8601 duration such as {@code P340D}) moves it
     * on, for a local platform only: to watch renewals come due and memberships lapse without waiting a year.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${exchange.clock.offset:PT0S}") Duration offset) {
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        LoggerFactory.getLogger(EventsAutoConfiguration.class)
                .warn("The clock runs {} ahead of real time (exchange.clock.offset): for local demonstrations only", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }

    @Bean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher, Clock clock,
            @Value("${spring.application.name}") String applicationName, EventTracing tracing) {
        return new IntegrationEvents(publisher, clock, "/" + applicationName, tracing);
    }

    @Bean
    EventExternalizationConfiguration cloudEventsExternalization() {
        return CloudEventsExternalization.configuration();
    }

    @Bean
    OutboxPublications outboxPublications(JdbcClient jdbc) {
        return new OutboxPublications(jdbc);
    }

    @Bean
    OutboxSender outboxSender(KafkaOperations<Object, Object> kafka, OutboxPublications publications,
            OutboxProperties properties, EventTracing tracing) {
        return new OutboxSender(kafka, publications, properties, tracing);
    }

    @Bean
    OutboxExternalizer outboxExternalizer(EventExternalizationConfiguration configuration, OutboxSender sender,
            ObjectProvider<EventPublicationRegistry> registry) {
        return new OutboxExternalizer(configuration, sender, registry::getObject);
    }

    @Bean
    @ConditionalOnMissingBean
    LockProvider platformLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor platformLockingTaskExecutor(LockProvider locks) {
        return new DefaultLockingTaskExecutor(locks);
    }

    @Bean
    PlatformJobs platformJobs(LockingTaskExecutor locks) {
        return new PlatformJobs(locks);
    }

    @Bean
    OutboxResubmission outboxResubmission(IncompleteEventPublications incomplete,
            CompletedEventPublications completed, OutboxPublications publications, OutboxProperties properties,
            Clock clock, PlatformJobs jobs) {
        OutboxResubmission resubmission = new OutboxResubmission(incomplete, completed, publications, properties,
                clock);
        jobs.every("outbox-resubmission", properties.resubmitEvery(), Duration.ofMinutes(5), resubmission::resubmit);
        jobs.every("outbox-purge", properties.purgeEvery(), Duration.ofMinutes(30), resubmission::purge);
        return resubmission;
    }

    /** {@code exchange.outbox.incomplete}, and the age of the oldest of them: a stuck outbox shows here first. */
    @Bean
    MeterBinder outboxMeters(OutboxPublications publications, Clock clock) {
        return registry -> {
            Gauge.builder("exchange.outbox.incomplete", publications, OutboxPublications::incomplete)
                    .description("Integration events written but not yet acknowledged by Kafka")
                    .register(registry);
            Gauge.builder("exchange.outbox.oldest.age", publications,
                    p -> p.oldestIncompleteAge(clock.instant()).map(Duration::toSeconds).orElse(0L))
                    .baseUnit("seconds")
                    .description("How long the oldest integration event not yet acknowledged by Kafka has waited")
                    .register(registry);
        };
    }
}

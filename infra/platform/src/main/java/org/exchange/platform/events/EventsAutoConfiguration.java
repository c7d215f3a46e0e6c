package org.exchange.platform.events;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/** The outbox: integration events published in the business transaction and externalized to Kafka after commit. */
@AutoConfiguration
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher, Clock clock,
            @Value("${spring.application.name}") String applicationName) {
        return new IntegrationEvents(publisher, clock, "/" + applicationName);
    }

    @Bean
    EventExternalizationConfiguration cloudEventsExternalization() {
        return CloudEventsExternalization.configuration();
    }
}

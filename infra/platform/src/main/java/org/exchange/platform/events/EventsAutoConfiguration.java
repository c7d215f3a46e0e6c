package org.exchange.platform.events;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/** The outbox: integration events published in the business transaction and externalized to Kafka after commit. */
@AutoConfiguration
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
    IntegrationEvents integrationEvents(ApplicationEventPublisher publisher, Clock clock,
            @Value("${spring.application.name}") String applicationName) {
        return new IntegrationEvents(publisher, clock, "/" + applicationName);
    }

    @Bean
    EventExternalizationConfiguration cloudEventsExternalization() {
        return CloudEventsExternalization.configuration();
    }
}

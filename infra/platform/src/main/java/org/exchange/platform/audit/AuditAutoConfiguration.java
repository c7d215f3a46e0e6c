package org.exchange.platform.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/** The audit trail of a service with a database, and its API where {@code exchange.audit.path} names one. */
@AutoConfiguration
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        return new AuditTrail(jdbc, json, clock, transactions);
    }

    @Bean
    @ConditionalOnProperty("exchange.audit.path")
    AuditController auditController(AuditTrail trail) {
        return new AuditController(trail);
    }
}

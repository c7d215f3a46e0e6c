package org.exchange.testing;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a service under test at the shared engines: its own database (named after the service), the broker, and
 * the SMTP server; and lets its tests read that database ({@link ServiceDatabase}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EnginesConfiguration {

    @Bean(destroyMethod = "close")
    static TestEngines.Lease enginesLease() {
        return new TestEngines.Lease();
    }

    @Bean
    static ServiceDatabase serviceDatabase(ObjectProvider<DataSource> dataSource) {
        return new ServiceDatabase(dataSource);
    }

    @Bean
    static DynamicPropertyRegistrar enginesProperties(Environment environment, TestEngines.Lease lease) {
        return registry -> {
            TestEngines engines = lease.engines();
            String database = environment.getProperty("spring.application.name", "exchange").replace('-', '_');
            registry.add("spring.datasource.url", () -> engines.jdbcUrl(database));
            registry.add("spring.datasource.username", engines::databaseUsername);
            registry.add("spring.datasource.password", engines::databasePassword);
            registry.add("spring.kafka.bootstrap-servers", engines::kafkaBootstrapServers);
            registry.add("spring.mail.host", () -> "127.0.0.1");
            registry.add("spring.mail.port", () -> TestMail.shared().smtpPort());
        };
    }
}

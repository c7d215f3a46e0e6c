package org.exchange.testing;

import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;

/** PostgreSQL and Kafka embedded in the test JVM: a real server each, no container engine needed. */
final class EmbeddedEngines implements TestEngines {

    private final PostgresEngine postgres;
    private final KafkaEngine kafka;

    private EmbeddedEngines(PostgresEngine postgres, KafkaEngine kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static EmbeddedEngines start() {
        PostgresEngine postgres = PostgresEngine.start(null, 0);
        KafkaEngine kafka = KafkaEngine.start(null, 0);
        return new EmbeddedEngines(postgres, kafka);
    }

    @Override
    public String jdbcUrl(String database) {
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    @Override
    public String databaseUsername() {
        return postgres.username();
    }

    @Override
    public String databasePassword() {
        return postgres.password();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on port " + postgres.port() + ", embedded Kafka (KRaft) at " + kafka.bootstrapServers();
    }

    @Override
    public void close() {
        kafka.close();
        postgres.close();
    }
}

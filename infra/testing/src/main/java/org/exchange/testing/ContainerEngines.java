package org.exchange.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Kafka in containers, for machines with a Docker engine. */
final class ContainerEngines implements TestEngines {

    private final PostgreSQLContainer postgres;
    private final KafkaContainer kafka;

    private ContainerEngines(PostgreSQLContainer postgres, KafkaContainer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    static ContainerEngines start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18-alpine");
        // several partitions per topic, as the embedded broker and the chart have: two instances of a service share them
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1").withEnv("KAFKA_NUM_PARTITIONS", "3");
        postgres.start();
        kafka.start();
        return new ContainerEngines(postgres, kafka);
    }

    @Override
    public synchronized String jdbcUrl(String database) {
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword());
                var statement = connection.createStatement();
                var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("create database \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
        return postgres.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    @Override
    public String databaseUsername() {
        return postgres.getUsername();
    }

    @Override
    public String databasePassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }

    @Override
    public String description() {
        return "PostgreSQL and Kafka in Docker containers";
    }
}

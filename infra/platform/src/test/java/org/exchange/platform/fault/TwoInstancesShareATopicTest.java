package org.exchange.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling a consuming service out: two instances in one consumer group share the partitions of a topic, every event
 * takes effect, and takes effect once, even when records are delivered twice - to the instance that handled them, and,
 * after a rebalance moved their partition, to the other one - because both record the ids they handled in the
 * service's one database (the inbox).
 */
class TwoInstancesShareATopicTest {

    private static final int PARTITIONS = 6;
    private static final String COUNT_EFFECTS = "select count(*) from effect where aggregate like :prefix";
    private static final String COUNT_DISTINCT_EFFECTS =
            "select count(distinct (aggregate, seq)) from effect where aggregate like :prefix";

    private static PostgresEngine postgres;
    private static KafkaEngine kafka;

    @BeforeAll
    static void startEnginesAndTheTopic() throws Exception {
        postgres = PostgresEngine.start(null, 0);
        postgres.createDatabaseIfMissing("fault_test");
        kafka = KafkaEngine.start(null, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(FaultTestApplication.TOPIC, PARTITIONS, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopEverything() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoInstancesShareThePartitionsAndEachEventTakesEffectOnceThoughDeliveredTwiceAcrossRebalances() {
        String prefix = "scaled-";
        int aggregates = 12;
        int perRound = 4;
        int written = 0;
        int redelivered = 0;
        double ignored = 0;
        try (FaultTestInstance first = start("first")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.assignedPartitions() == PARTITIONS);
            written += writeRound(first, first, prefix, aggregates, perRound, written / aggregates);
            int alone = written;
            await().atMost(Duration.ofSeconds(60)).until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) == alone);

            try (FaultTestInstance second = start("second")) {
                // the second joins: a rebalance moves some of the first's partitions, with their handled records
                await().atMost(Duration.ofSeconds(60)).until(() -> first.assignedPartitions() > 0
                        && second.assignedPartitions() > 0
                        && first.assignedPartitions() + second.assignedPartitions() == PARTITIONS);
                redelivered += redeliverEveryOther(prefix);
                written += writeRound(first, second, prefix, aggregates, perRound, written / aggregates);
                int soFar = written;
                await().atMost(Duration.ofSeconds(60)).until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) == soFar);
                int redeliveredSoFar = redelivered;
                await().atMost(Duration.ofSeconds(60)).until(() -> first.redeliveriesIgnored()
                        + second.redeliveriesIgnored() >= redeliveredSoFar);
                assertThat(second.redeliveriesIgnored())
                        .as("records the first handled, delivered again to the second after the rebalance")
                        .isPositive();
                ignored += first.redeliveriesIgnored();

                // the first leaves: the second takes every partition, and the records of all of them come again
                first.close();
                await().atMost(Duration.ofSeconds(60)).until(() -> second.assignedPartitions() == PARTITIONS);
                written += writeRound(second, second, prefix, aggregates, perRound, written / aggregates);
                redelivered += redeliverEveryOther(prefix);
                int total = written;
                int allRedelivered = redelivered;
                double ignoredByFirst = ignored;
                await().atMost(Duration.ofSeconds(60)).until(() -> second.count(COUNT_DISTINCT_EFFECTS, prefix) == total
                        && ignoredByFirst + second.redeliveriesIgnored() >= allRedelivered);
                ignored += second.redeliveriesIgnored();

                long effects = second.count(COUNT_EFFECTS, prefix);
                long byFirst = second.count(
                        "select count(*) from effect where aggregate like :prefix and instance = 'first'", prefix);
                long bySecond = second.count(
                        "select count(*) from effect where aggregate like :prefix and instance = 'second'", prefix);
                System.out.println("[fault] two-instances-redeliveries: written=" + total + " took-effect="
                        + second.count(COUNT_DISTINCT_EFFECTS, prefix) + " effects=" + effects + " handled-by-first="
                        + byFirst + " handled-by-second=" + bySecond + " delivered-again=" + allRedelivered
                        + " ignored-by-inbox=" + (long) ignored);
                assertThat(effects).as("each event took effect once").isEqualTo(total);
                assertThat(byFirst).as("the first handled events of its own").isPositive();
                assertThat(bySecond).as("the second handled events of its own").isPositive();
                assertThat(ignored).as("every record delivered again was ignored").isGreaterThanOrEqualTo(allRedelivered);
            }
        }
    }

    /**
     * Writes {@code perRound} more events for each aggregate, alternately through the two instances.
     *
     * @return how many
     */
    private static int writeRound(FaultTestInstance one, FaultTestInstance other, String prefix, int aggregates,
            int perRound, int done) {
        for (int seq = done + 1; seq <= done + perRound; seq++) {
            for (int a = 0; a < aggregates; a++) {
                (a % 2 == 0 ? one : other).writer().write(prefix + a, seq, false);
            }
        }
        return aggregates * perRound;
    }

    /**
     * Sends every other record of the test's aggregates on the topic again, as it is (id, headers, key), to its own
     * partition: a delivery twice, as a producer's retry or a consumer's lost commit would make it.
     *
     * @return how many records were sent again
     */
    private static int redeliverEveryOther(String prefix) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.withKeyPrefix(kafka.bootstrapServers(), prefix);
        List<ProducerRecord<String, byte[]>> again = new ArrayList<>();
        for (int i = 0; i < records.size(); i += 2) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            again.add(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                    record.headers()));
        }
        TopicRecords.send(kafka.bootstrapServers(), again);
        return again.size();
    }

    private static FaultTestInstance start(String name) {
        return FaultTestInstance.start(name, postgres.jdbcUrl("fault_test"), postgres.username(), postgres.password(),
                kafka.bootstrapServers());
    }
}

package org.exchange.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;
import org.exchange.platform.deadletter.DeadLetters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * The platform's outbox and inbox against real engines made to fail: the Kafka broker stopped for 30 seconds under a
 * stream of writes, a poison message, two instances sharing a topic's partitions. Each test prints one {@code [fault]}
 * line with what was written and what took effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxAndInboxUnderFaultsTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String COUNT_EFFECTS = "select count(*) from effect where aggregate like :prefix";
    private static final String COUNT_DISTINCT_EFFECTS =
            "select count(distinct (aggregate, seq)) from effect where aggregate like :prefix";
    private static final String COUNT_WRITTEN = "select count(*) from written where aggregate like :prefix";

    private static Path kafkaDir;
    private static int kafkaPort;
    private static KafkaEngine kafka;
    private static PostgresEngine postgres;
    private static FaultTestInstance first;

    @BeforeAll
    static void startEnginesAndTheFirstInstance() throws Exception {
        postgres = PostgresEngine.start(null, 0);
        postgres.createDatabaseIfMissing("fault_test");
        kafkaDir = Files.createTempDirectory("exchange-fault-kafka-");
        kafka = KafkaEngine.start(kafkaDir, 0);
        kafkaPort = kafka.port();
        first = startInstance("first");
    }

    @AfterAll
    static void stopEverything() {
        if (first != null) {
            first.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        deleteQuietly(kafkaDir);
    }

    @Test
    @Order(0)
    void aLargeTransactionsEventsOfSeveralAggregatesAllArriveOnceAndInEachAggregatesOrder() {
        String prefix = "burst-";
        List<String> aggregates = List.of(prefix + 0, prefix + 1, prefix + 2, prefix + 3);
        int perAggregate = 100;
        int total = aggregates.size() * perAggregate;
        first.writer().writeAll(aggregates, perAggregate);
        Instant committed = Instant.now();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) >= total);
        Duration allTookEffect = Duration.between(committed, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> first.gauge("exchange.outbox.incomplete") == 0);

        Counts counts = counts(prefix, total);
        counts.print("one-transaction-" + total + "-events", "all-took-effect-in=" + allTookEffect.toMillis()
                + "ms-after-commit");
        assertThat(counts.written()).isEqualTo(total);
        assertThat(counts.tookEffect()).isEqualTo(total);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.outOfOrder()).as("aggregates whose events took effect out of order").isZero();
    }

    @Test
    @Order(1)
    void aThirtySecondKafkaOutageLosesNothingDuplicatesNothingAndKeepsEachAggregatesOrder() {
        String prefix = "outage-";
        int aggregates = 4;
        int perAggregate = 24;
        int total = aggregates * perAggregate;
        int[] next = new int[aggregates];
        IntPredicate write = n -> {
            int aggregate = n % aggregates;
            first.writer().write(prefix + aggregate, ++next[aggregate], false);
            return true;
        };
        int before = total / 3;
        int during = total / 3;
        for (int n = 0; n < before; n++) {
            write.test(n);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> first.count(COUNT_EFFECTS, prefix) >= before / 2);

        Instant stopped = Instant.now();
        kafka.close();
        Duration pace = OUTAGE.dividedBy(during + 1);
        for (int n = before; n < before + during; n++) {
            Instant due = stopped.plus(pace.multipliedBy(n - before + 1));
            await().pollInterval(Duration.ofMillis(50)).atMost(OUTAGE).until(() -> !Instant.now().isBefore(due));
            write.test(n);
        }
        await().pollInterval(Duration.ofMillis(50)).atMost(OUTAGE.plusSeconds(5))
                .until(() -> Duration.between(stopped, Instant.now()).compareTo(OUTAGE) >= 0);
        kafka = KafkaEngine.start(kafkaDir, kafkaPort);
        Instant restarted = Instant.now();
        Duration outage = Duration.between(stopped, restarted);

        for (int n = before + during; n < total; n++) {
            write.test(n);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) >= total);
        Duration recovery = Duration.between(restarted, Instant.now());

        Counts counts = counts(prefix, total);
        counts.print("kafka-stopped-" + outage.toSeconds() + "s", "recovered-in=" + recovery.toMillis() / 1000.0
                + "s redeliveries-ignored-by-inbox=" + (long) first.redeliveriesIgnored()
                + " outbox-incomplete-after=" + (long) first.gauge("exchange.outbox.incomplete"));
        assertThat(outage).isGreaterThanOrEqualTo(OUTAGE);
        assertThat(counts.written()).isEqualTo(total);
        assertThat(counts.tookEffect()).isEqualTo(total);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.outOfOrder()).as("aggregates whose events took effect out of order").isZero();
    }

    @Test
    @Order(2)
    void aPoisonMessageIsParkedWhileTheRestFlowsAndItsReplayAfterTheFixTakesEffectOnce() throws Exception {
        String prefix = "poison-";
        int perAggregate = 8;
        int poisonSeq = 3;
        for (int seq = 1; seq <= perAggregate; seq++) {
            first.writer().write(prefix + "x", seq, seq == poisonSeq);
            first.writer().write(prefix + "y", seq, false);
        }
        int total = 2 * perAggregate;
        DeadLetters deadLetters = first.bean(DeadLetters.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.count(COUNT_EFFECTS, prefix) >= total - 1
                && deadLetters.parked() == 1);
        long flowedPastThePoison = first.count(COUNT_EFFECTS, prefix);
        HealthEndpoint health = first.bean(HealthEndpoint.class);
        Status whileParked = health.healthForPath("deadLetters").getStatus();
        double gaugeWhileParked = first.gauge("exchange.dead.letters");
        DeadLetters.DeadLetter parked = deadLetters.list(10).getFirst();
        int anonymousListing = anonymousGet("/actuator/deadletters");

        first.effects().poisonFails.set(false);
        List<DeadLetters.Replay> replays = deadLetters.replayAll();
        DeadLetters.Replay again = deadLetters.replay(parked.id()).orElseThrow();
        long poisonEffects = first.count(
                "select count(*) from effect where aggregate like :prefix and aggregate = 'poison-x' and seq = 3",
                prefix);

        Counts counts = counts(prefix, total);
        counts.print("poison-message", "took-effect-while-parked=" + flowedPastThePoison + " parked=1 replayed="
                + replays.stream().filter(DeadLetters.Replay::tookEffect).count() + " poison-effects-after-replay="
                + poisonEffects + " second-replay-took-effect=" + again.tookEffect());
        assertThat(flowedPastThePoison).isEqualTo(total - 1);
        assertThat(parked.topic()).isEqualTo(FaultTestApplication.TOPIC);
        assertThat(parked.exceptionMessage()).contains("Poison: poison-x #3");
        assertThat(whileParked).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(gaugeWhileParked).isEqualTo(1.0);
        assertThat(anonymousListing).as("the dead letters are for ops only").isEqualTo(401);
        assertThat(replays).singleElement().satisfies(replay -> assertThat(replay.tookEffect()).isTrue());
        assertThat(again.tookEffect()).isFalse();
        assertThat(poisonEffects).isEqualTo(1);
        assertThat(counts.tookEffect()).isEqualTo(total);
        assertThat(counts.duplicates()).isZero();
        assertThat(deadLetters.parked()).isZero();
        assertThat(health.healthForPath("deadLetters").getStatus()).isEqualTo(Status.UP);
    }

    @Test
    @Order(3)
    void twoInstancesSharingTheTopicsPartitionsHandleNoEventTwiceEvenWhenOneLeaves() {
        String prefix = "shared-";
        int aggregates = 12;
        int perAggregate = 20;
        int total = aggregates * perAggregate;
        long ignoredBefore = (long) first.redeliveriesIgnored();
        long ignoredBySecond;
        try (FaultTestInstance second = startInstance("second")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.assignedPartitions() > 0 && second.assignedPartitions() > 0);
            for (int seq = 1; seq <= perAggregate / 2; seq++) {
                for (int a = 0; a < aggregates; a++) {
                    (a % 2 == 0 ? first : second).writer().write(prefix + a, seq, false);
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> first.count(COUNT_EFFECTS, prefix) >= total / 4);
            ignoredBySecond = (long) second.redeliveriesIgnored();
        }
        for (int seq = perAggregate / 2 + 1; seq <= perAggregate; seq++) {
            for (int a = 0; a < aggregates; a++) {
                first.writer().write(prefix + a, seq, false);
            }
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) >= total);

        Counts counts = counts(prefix, total);
        long handledByFirst = first.count(
                "select count(*) from effect where aggregate like :prefix and instance = 'first'", prefix);
        long handledBySecond = first.count(
                "select count(*) from effect where aggregate like :prefix and instance = 'second'", prefix);
        counts.print("two-instances-one-leaves", "handled-by-first=" + handledByFirst + " handled-by-second="
                + handledBySecond + " redeliveries-ignored-by-inbox="
                + ((long) first.redeliveriesIgnored() - ignoredBefore + ignoredBySecond));
        List<String> lockHolders = first.jdbc().sql("select locked_by from shedlock where name = 'outbox-resubmission'")
                .query(String.class).list();
        assertThat(lockHolders).as("the resubmission runs under its cluster lock").hasSize(1);
        assertThat(handledBySecond).as("the second instance had partitions and events of its own").isPositive();
        assertThat(counts.tookEffect()).isEqualTo(total);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.outOfOrder()).isZero();
    }

    @Test
    @Order(4)
    void aServiceKilledBetweenItsCommitsAndThePublishSendsEveryEventOnceAfterItsRestart() throws Exception {
        String prefix = "killed-";
        int total = 40;
        // the only instance is the victim, and the broker is away: its events are committed, not yet published
        first.close();
        first = null;
        kafka.close();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), FaultTestApplication.class.getName()));
        command.addAll(FaultTestInstance.arguments("victim", postgres.jdbcUrl("fault_test"), postgres.username(),
                postgres.password(), "127.0.0.1:" + kafkaPort));
        command.add("--fault-test.write-on-start=" + prefix + ":" + total);
        Path victimLog = Files.createTempFile("exchange-fault-victim-", ".log");
        Process victim = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(victimLog.toFile()).start();
        long unpublishedAtKill;
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("fault_test"), postgres.username(),
                postgres.password())) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        assertThat(victim.isAlive()).as("the victim runs (its output: %s)", victimLog).isTrue();
                        return count(db, COUNT_WRITTEN, prefix) == total;
                    });
            victim.destroyForcibly();
            victim.waitFor();
            unpublishedAtKill = count(db,
                    "select count(*) from event_publication where completion_date is null and event_key like ?", prefix);
        }

        kafka = KafkaEngine.start(kafkaDir, kafkaPort);
        Instant restarted = Instant.now();
        first = startInstance("restarted");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> first.count(COUNT_DISTINCT_EFFECTS, prefix) >= total);

        Counts counts = counts(prefix, total);
        counts.print("sigkill-between-commit-and-publish", "unpublished-at-kill=" + unpublishedAtKill
                + " exit=" + victim.exitValue() + " all-took-effect-in="
                + Duration.between(restarted, Instant.now()).toMillis() / 1000.0 + "s-after-restart");
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(unpublishedAtKill).isPositive();
        assertThat(counts.written()).isEqualTo(total);
        assertThat(counts.tookEffect()).isEqualTo(total);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.outOfOrder()).isZero();
        Files.deleteIfExists(victimLog);
    }

    private static long count(Connection db, String sql, String prefix) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql.replace(":prefix", "?"))) {
            statement.setString(1, prefix + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static FaultTestInstance startInstance(String name) {
        return FaultTestInstance.start(name, postgres.jdbcUrl("fault_test"), postgres.username(), postgres.password(),
                kafka.bootstrapServers());
    }

    private static Counts counts(String prefix, int expected) {
        long written = first.count(COUNT_WRITTEN, prefix);
        long effects = first.count(COUNT_EFFECTS, prefix);
        long distinct = first.count(COUNT_DISTINCT_EFFECTS, prefix);
        Map<String, List<Integer>> arrivals = first.effectsInArrivalOrder(prefix);
        long outOfOrder = arrivals.values().stream().filter(seqs -> !isAscending(seqs)).count();
        arrivals.forEach((aggregate, seqs) -> {
            if (!isAscending(seqs)) {
                System.out.println("[fault] " + aggregate + " took effect in the order " + seqs);
            }
        });
        return new Counts(expected, written, distinct, effects - distinct, written - distinct, outOfOrder);
    }

    private static boolean isAscending(List<Integer> seqs) {
        for (int i = 1; i < seqs.size(); i++) {
            if (seqs.get(i) <= seqs.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static int anonymousGet(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port() + path)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            // a temporary directory; the OS cleans up what is left
        }
    }

    /**
     * What one fault test counted.
     *
     * @param outOfOrder aggregates some of whose events took effect after a later one
     */
    private record Counts(long expected, long written, long tookEffect, long duplicates, long lost, long outOfOrder) {

        void print(String fault, String more) {
            System.out.println("[fault] " + fault + ": written=" + written + " took-effect=" + tookEffect
                    + " duplicates=" + duplicates + " lost=" + lost + " out-of-order-aggregates=" + outOfOrder
                    + " " + more);
        }
    }
}

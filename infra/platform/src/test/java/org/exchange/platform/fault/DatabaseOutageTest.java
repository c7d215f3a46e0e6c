package org.exchange.platform.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted under load, the service left running: while the database is away every request is answered at
 * once with a 503 problem (with Retry-After), never a hang, a 500 or a half-written change; afterwards the service
 * recovers by itself and every change that was accepted took effect exactly once.
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Duration SLOWEST_ANSWER_ALLOWED = Duration.ofSeconds(6);

    private static Path postgresDir;
    private static PostgresEngine postgres;
    private static int postgresPort;
    private static KafkaEngine kafka;
    private static FaultTestInstance service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startEnginesAndTheService() throws IOException {
        postgresDir = Files.createTempDirectory("exchange-fault-postgres-");
        postgres = PostgresEngine.start(postgresDir, 0);
        postgresPort = postgres.port();
        postgres.createDatabaseIfMissing("fault_test");
        kafka = KafkaEngine.start(null, 0);
        service = FaultTestInstance.start("outage", postgres.jdbcUrl("fault_test"), postgres.username(),
                postgres.password(), kafka.bootstrapServers());
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        OutboxAndInboxUnderFaultsTest.deleteQuietly(postgresDir);
    }

    @Test
    void requestsDuringARestartOfPostgresGet503ProblemsAtOnceAndTheServiceRecoversWithoutARestart() throws Exception {
        String prefix = "db-outage-";
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrongAnswers = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        Duration slowest = Duration.ZERO;
        int seq = 0;

        Instant stopped = null;
        Instant restarted = null;
        Instant began = Instant.now();
        Instant until = began.plus(OUTAGE).plusSeconds(16);
        while (Instant.now().isBefore(until) || restarted == null) {
            Duration elapsed = Duration.between(began, Instant.now());
            if (stopped == null && elapsed.toSeconds() >= 3) {
                postgres.close();
                stopped = Instant.now();
            } else if (stopped != null && restarted == null && Duration.between(stopped, Instant.now())
                    .compareTo(OUTAGE) >= 0) {
                postgres = PostgresEngine.start(postgresDir, postgresPort);
                restarted = Instant.now();
            }
            // a change through the service's own transaction: written with its event, or not at all
            seq++;
            try {
                service.writer().write(prefix + (seq % 2), seq, false);
                accepted++;
            } catch (RuntimeException databaseAway) {
                refused++;
            }
            // a read over HTTP: 200, or a 503 problem at once
            Instant asked = Instant.now();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + service.port() + "/written/count?prefix=" + prefix))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.between(asked, Instant.now());
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String type = answer.headers().firstValue("Content-Type").orElse("");
            boolean fine = answer.statusCode() == 200 || (answer.statusCode() == 503
                    && type.startsWith("application/problem+json") && answer.headers().firstValue("Retry-After")
                    .isPresent());
            if (!fine) {
                wrongAnswers.add(answer.statusCode() + " " + type + " " + answer.body());
            }
            await().pollDelay(Duration.ofMillis(200)).until(() -> true);
        }

        // after the restart the service answers again by itself, and every accepted change took effect once
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + service.port() + "/written/count?prefix=" + prefix)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        int total = accepted;
        long written = service.count("select count(*) from written where aggregate like :prefix", prefix);
        await().atMost(Duration.ofSeconds(60)).until(() -> service.count(
                "select count(distinct (aggregate, seq)) from effect where aggregate like :prefix", prefix) >= total);
        long tookEffect = service.count(
                "select count(distinct (aggregate, seq)) from effect where aggregate like :prefix", prefix);
        long duplicates = service.count("select count(*) from effect where aggregate like :prefix", prefix) - tookEffect;
        System.out.println("[fault] postgres-restarted-" + Duration.between(stopped, restarted).toSeconds()
                + "s: written=" + accepted + " refused-while-away=" + refused + " rows=" + written + " took-effect="
                + tookEffect + " duplicates=" + duplicates + " lost=" + (accepted - tookEffect) + " http=" + statuses
                + " slowest-answer=" + slowest.toMillis() + "ms wrong-answers=" + wrongAnswers.size());

        assertThat(wrongAnswers).as("answers that were neither 200 nor a 503 problem with Retry-After").isEmpty();
        assertThat(statuses).containsKeys(200, 503);
        assertThat(slowest).as("the slowest answer").isLessThan(SLOWEST_ANSWER_ALLOWED);
        assertThat(refused).as("changes refused while the database was away").isPositive();
        assertThat(written).as("rows written: exactly the accepted changes, nothing half-written").isEqualTo(accepted);
        assertThat(tookEffect).isEqualTo(accepted);
        assertThat(duplicates).isZero();
    }
}

package org.exchange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import jdk.jfr.Recording;

/**
 * The benchmarks' machinery run with tiny durations against a server in this JVM, so that the build keeps it working;
 * the benchmarks themselves run by hand against the local platform (docs/performance.md).
 */
class BenchmarkSmokeTest {

    @Test
    void sideBySideRoundsPrintEachTargetsThroughputLatenciesAndRatioToTheBaseline() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200,
                    body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            List<SideBySide.Outcome> outcomes = new SideBySide("tiny read", 200, LoadDriver.Load.closed(2),
                    Duration.ofMillis(50),
                    Duration.ofMillis(200), 2).run(List.of(
                            new SideBySide.Target("direct", () -> HttpRequest.newBuilder(URI.create(base + "/a"))
                                    .build()),
                            new SideBySide.Target("proxy", () -> HttpRequest.newBuilder(URI.create(base + "/missing"))
                                    .build())),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(outcomes).extracting(SideBySide.Outcome::target).containsExactly("direct", "proxy");
            assertThat(outcomes.getFirst().throughput()).isPositive();
            assertThat(outcomes.getFirst().errors()).isZero();
            assertThat(outcomes.getFirst().throughputRatio()).isEqualTo(1.0);
            // an answer other than the expected one counts as an error, never as a success
            assertThat(outcomes.get(1).errors()).isPositive();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("[bench] tiny read, 2 connections, round 1, direct: ")
                    .contains("[bench] tiny read, 2 connections, round 2, proxy / direct: ")
                    .containsPattern("\\[bench\\] tiny read, 2 connections, 2 rounds of 0 s, proxy: \\d+ requests/s "
                            + "\\(\\d+\\.\\d\\dx direct\\), p50 \\d+\\.\\d\\d ms \\([+-]\\d+\\.\\d\\d ms\\), p99")
                    .contains("load average");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPacedLoadSendsOneRequestPerIntervalOfItsScheduleAndCountsWrongAnswersAsErrors() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        AtomicInteger received = new AtomicInteger();
        server.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            LoadDriver.Load load = LoadDriver.Load.paced(200);

            LoadDriver.Round answered = LoadDriver.run(() -> HttpRequest.newBuilder(URI.create(base + "/a")).build(),
                    200, load, Duration.ofMillis(250));
            LoadDriver.Round refused = LoadDriver.run(() -> HttpRequest.newBuilder(URI.create(base + "/missing"))
                    .build(), 200, load, Duration.ofMillis(100));

            // 200 requests/s for 250 ms: requests due at 0, 5, ... 245 ms, each answered and measured once
            assertThat(answered.requests()).isEqualTo(50);
            assertThat(answered.errors()).isZero();
            assertThat(answered.throughput()).isEqualTo(200.0);
            assertThat(refused.requests()).isEqualTo(20);
            assertThat(refused.errors()).isEqualTo(20);
            assertThat(received).hasValue(70);
            assertThat(load.label()).isEqualTo("200 requests/s offered");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void eventPropagationCountsEachChangeFromItsAnswerUntilTheReadModelShowsIt() throws Exception {
        // membership-service and notification-service played by one server: a changed consent shows in the
        // preferences from the third poll after the change, as an event on its way would
        AtomicBoolean shown = new AtomicBoolean();
        AtomicBoolean changed = new AtomicBoolean();
        AtomicInteger pollsUntilShown = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/membership/me/profile", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            changed.set(body.contains("\"newsletterConsent\":true"));
            pollsUntilShown.set(2);
            answer(exchange, "{}");
        });
        server.createContext("/api/notifications/preferences", exchange -> {
            if (pollsUntilShown.getAndDecrement() <= 0) {
                shown.set(changed.get());
            }
            answer(exchange, "{\"categories\":[{\"category\":\"MEETING\",\"email\":true},"
                    + "{\"category\":\"NEWSLETTER\",\"email\":" + shown.get() + "}]}");
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            Propagation.Outcome outcome = new Propagation(URI.create(base + "/api/membership/me/profile"),
                    URI.create(base + "/api/notifications/preferences"), () -> "a-token", Duration.ofSeconds(30))
                    .measure(1, 5, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(outcome.visible().getTotalCount()).isEqualTo(5);
            assertThat(outcome.committed().getTotalCount()).isEqualTo(5);
            assertThat(outcome.meanPollMillis()).isPositive();
            assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("\\[bench\\] event propagation, 5 "
                    + "changes one at a time after 1 warm-up: change to visible p50 \\d+\\.\\d\\d ms, p90 .* p99 .* "
                    + "load average");
        } finally {
            server.stop(0);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void jfrSummaryNamesTheConcernsAndTopFramesOfARecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("smoke.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            java.math.BigInteger product = java.math.BigInteger.ONE;
            while (System.nanoTime() < until) {
                product = product.multiply(java.math.BigInteger.valueOf(31)).mod(java.math.BigInteger.TEN.pow(400));
            }
            recording.stop();
            recording.dump(file);
            assertThat(product).isNotNull();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        JfrTopFrames.print(file, 5, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).containsPattern("\\[bench\\] JFR smoke\\.jfr: [1-9]\\d* execution samples")
                .contains("JWT validation").contains("JFR top frames (self):").contains("java.math.BigInteger")
                .contains("web session store").contains("JFR contended monitors: ")
                // the busy loop above is this class's own: the innermost frame outside the JDK
                .containsPattern("JFR samples by library .*\\n\\[bench\\]\\s+[0-9.]+%  the platform's own code");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    void startupFiguresComeFromProcStatusAndSpringsStartedLine(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("service.log"), "INFO  starting\n2026-12-01T20:00:00Z INFO 1 --- "
                + "[main] o.e.membership.MembershipApplication : Started MembershipApplication in 7.412 seconds "
                + "(process running for 8.03)\n");
        StartupBenchmark benchmark = new StartupBenchmark(StartupBenchmark.Options.parse(List.of("--rounds", "1",
                "--connections", "2", "--load-seconds", "3")), System.out);

        long rss = StartupBenchmark.rssKb(ProcessHandle.current().pid());
        java.util.Optional<Double> spring = StartupBenchmark.springStarted(log);

        // this JVM's own resident set: on Linux a figure of a few to a few hundred MB
        assertThat(rss).isBetween(1_000L, 10_000_000L);
        assertThat(StartupBenchmark.rssKb(Long.MAX_VALUE)).isZero();
        assertThat(spring).contains(7.412);
        assertThat(StartupBenchmark.springStarted(dir.resolve("missing.log"))).isEmpty();
        assertThat(StartupBenchmark.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
        assertThat(benchmark.line(new StartupBenchmark.Start("membership-service", StartupBenchmark.Mode.AOT_CACHE,
                4.26, spring, 230_000, 250_000, 123.4, 0), "round 1", "1.00 2.00 3.00"))
                .startsWith("[bench] membership-service, AOT cache, round 1: ready in 4.3 s (Spring: started in 7.4 s), "
                        + "RSS idle 224 MB, after load 244 MB (2 connections, 3 s, 123 req/s, 0 errors), load average "
                        + "1.00 2.00 3.00 at the start");
        assertThat(StartupBenchmark.ENDPOINTS).containsKeys("membership-service", "exchange-service",
                "assessment-service", "accreditation-service", "notification-service", "gateway");
    }
}

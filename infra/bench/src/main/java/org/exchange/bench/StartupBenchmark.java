package org.exchange.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exchange.engines.Ports;
import org.exchange.engines.RepositoryRoot;
import org.exchange.launcher.Platform;
import org.exchange.launcher.PlatformSettings;
import org.exchange.launcher.ServiceProcess;

/**
 * Each service's time to ready and memory, and the whole platform's time to ready, with and without the services'
 * AOT cache (docs/adr/0029), side by side in one run.
 * <ol>
 * <li>The whole platform from fresh data (as {@code ./platform.sh --reset}), every service from its fat jar.</li>
 * <li>On it, each service (and the gateway, with its rate limit out of the way) started once more on a port of its
 * own, one at a time: first its AOT training run (the cache is written as it stops), then in rounds from its fat jar
 * and with the cache, the order turning each round. Per start: the time from process start to the launcher's
 * readiness check answering 200, Spring's own "Started ... in" figure, RSS idle, and RSS after a fixed load on a cheap
 * authenticated endpoint.</li>
 * <li>The whole platform again on the kept data (as {@code ./platform.sh} with a built tree), with and without the
 * cache, the order turning each time.</li>
 * </ol>
 */
final class StartupBenchmark {

    /** A cheap authenticated read of each service, and of the gateway (routed to membership-service). */
    static final Map<String, String> ENDPOINTS = Map.of(
            "membership-service", "/api/membership/me",
            "exchange-service", "/api/exchange/me/groups",
            "assessment-service", "/api/assessment/me/status",
            "accreditation-service", "/api/accreditation/me/enrolments",
            "notification-service", "/api/notifications/preferences",
            "gateway", "/api/membership/me");

    private static final Pattern STARTED = Pattern.compile(
            "Started (\\S+) in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Options options;
    private final PrintStream out;
    private final Map<String, List<Start>> starts = new LinkedHashMap<>();

    StartupBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * What to run.
     *
     * @param rounds rounds of single-service starts per mode
     * @param platformStarts whole-platform starts on the kept data per mode
     * @param connections callers of the fixed load
     * @param load how long the fixed load runs
     * @param settle how long a service is left idle after it is ready before its idle RSS is read
     */
    record Options(int rounds, int platformStarts, int connections, Duration load, Duration settle) {

        static Options parse(List<String> args) {
            int rounds = 2;
            int platformStarts = 1;
            int connections = 4;
            Duration load = Duration.ofSeconds(10);
            Duration settle = Duration.ofSeconds(5);
            for (int i = 0; i + 1 < args.size(); i += 2) {
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--platform-starts" -> platformStarts = Integer.parseInt(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--load-seconds" -> load = Duration.ofSeconds(Long.parseLong(value));
                    case "--settle-seconds" -> settle = Duration.ofSeconds(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
                }
            }
            return new Options(rounds, platformStarts, connections, load, settle);
        }
    }

    /** How a service starts: from its fat jar (as before the cache), or from its extracted jars with the cache. */
    enum Mode {
        FAT_JAR("fat jar"), AOT_CACHE("AOT cache"), TRAINING("training run");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One measured start of one service. */
    record Start(String service, Mode mode, double readySeconds, Optional<Double> springSeconds, long idleRssKb,
            long loadedRssKb, double throughput, long errors) {
    }

    void run() throws IOException {
        Path data = Files.createTempDirectory("exchange-bench");
        out.println("[bench] machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + ", load average " + LoadAverage.now());
        PlatformSettings settings = PlatformSettings.freePorts(RepositoryRoot.find(), data);
        try {
            try (Platform platform = platform(settings, "fresh data", Mode.FAT_JAR)) {
                singleServices(platform, data);
            }
            for (int i = 0; i < options.platformStarts(); i++) {
                for (Mode mode : i % 2 == 0 ? List.of(Mode.AOT_CACHE, Mode.FAT_JAR)
                        : List.of(Mode.FAT_JAR, Mode.AOT_CACHE)) {
                    platform(settings, "kept data", mode).close();
                }
            }
            summary(out);
            BenchPlatform.deleteRecursively(data);
        } catch (RuntimeException e) {
            // each start's log is there: why a service was not ready
            summary(out);
            out.println("[bench] failed: the data and the logs are kept in " + data);
            throw e;
        } finally {
            System.clearProperty(ServiceProcess.AOT_CACHE_PROPERTY);
        }
    }

    private Platform platform(PlatformSettings settings, String data, Mode mode) {
        System.setProperty(ServiceProcess.AOT_CACHE_PROPERTY, String.valueOf(mode != Mode.FAT_JAR));
        String load = LoadAverage.now();
        long began = System.nanoTime();
        // each step with the time since the start: where the platform's time to ready goes (Keycloak, a service)
        Platform platform = Platform.start(settings, message -> out.printf("[platform] %6.1f s  %s%n",
                (System.nanoTime() - began) / 1e9, message));
        double seconds = (System.nanoTime() - began) / 1e9;
        out.printf("[bench] whole platform, %s, %s: ready in %.1f s (load average %s at the start, %s now)%n", data,
                mode, seconds, load, LoadAverage.now());
        platform.services().values().stream().sorted(Comparator.comparing(ServiceProcess::name))
                .forEach(service -> out.printf("[bench]   %s: %s, Spring %s, RSS %d MB%n", service.name(),
                        service.usesAotCache() ? "AOT cache" : service.trainsAotCache() ? "training run" : "fat jar",
                        springStarted(service.log()).map(s -> "started in " + s + " s").orElse("(no Started line)"),
                        rssKb(service.pid()) / 1024));
        return platform;
    }

    private void singleServices(Platform platform, Path data) {
        GatewayBenchmark.Tokens tokens = new GatewayBenchmark.Tokens(platform.settings().issuer());
        List<String> services = new ArrayList<>(platform.settings().servicePorts().keySet());
        services.add("gateway");
        // the first start with the cache trains it: measured as such, and the cache is written as it stops
        for (String service : services) {
            record(start(platform, data, service, Mode.TRAINING, 0, tokens));
        }
        for (int round = 1; round <= options.rounds(); round++) {
            List<Mode> order = round % 2 == 1 ? List.of(Mode.FAT_JAR, Mode.AOT_CACHE)
                    : List.of(Mode.AOT_CACHE, Mode.FAT_JAR);
            for (String service : services) {
                for (Mode mode : order) {
                    record(start(platform, data, service, mode, round, tokens));
                }
            }
        }
    }

    private void record(Start start) {
        starts.computeIfAbsent(start.service() + "|" + start.mode(), key -> new ArrayList<>()).add(start);
    }

    private Start start(Platform platform, Path data, String service, Mode mode, int round,
            GatewayBenchmark.Tokens tokens) {
        System.setProperty(ServiceProcess.AOT_CACHE_PROPERTY, String.valueOf(mode != Mode.FAT_JAR));
        Map<String, String> properties = service.equals("gateway") ? GatewayBenchmark.unlimited(platform)
                : platform.serviceProperties(service);
        Path log = data.resolve("bench-" + mode.name().toLowerCase() + "-" + round + "/logs/" + service + ".log");
        String loadBefore = LoadAverage.now();
        long began = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(platform.settings().root(), service, Ports.free(), properties,
                log, List.of());
        // what the start really was: a jar trained before is not trained again, and an older JVM has no cache
        Mode actual = process.trainsAotCache() ? Mode.TRAINING : process.usesAotCache() ? Mode.AOT_CACHE
                : Mode.FAT_JAR;
        try {
            process.awaitReady(Duration.ofMinutes(10));
            double ready = (System.nanoTime() - began) / 1e9;
            Optional<Double> spring = springStarted(log);
            pause(options.settle());
            long idle = rssKb(process.pid());
            String url = "http://127.0.0.1:" + process.port() + ENDPOINTS.get(service);
            LoadDriver.Round load = LoadDriver.run(authenticatedGet(url, tokens), 200, options.connections(),
                    options.load());
            long loaded = rssKb(process.pid());
            Start start = new Start(service, actual, ready, spring, idle, loaded, load.throughput(), load.errors());
            out.println(line(start, round == 0 ? "first start" : "round " + round, loadBefore));
            return start;
        } finally {
            long stopping = System.nanoTime();
            process.close();
            if (actual == Mode.TRAINING) {
                out.printf("[bench] %s, training run: stopped in %.1f s (the JVM writes the AOT cache as it exits)%n",
                        service, (System.nanoTime() - stopping) / 1e9);
            }
        }
    }

    /** One start's figures on one line. */
    String line(Start start, String when, String loadBefore) {
        return String.format("[bench] %s, %s, %s: ready in %.1f s (Spring: %s), RSS idle %d MB, after load %d MB "
                + "(%d connections, %d s, %.0f req/s, %d errors), load average %s at the start, %s now",
                start.service(), start.mode(), when, start.readySeconds(),
                start.springSeconds().map(s -> String.format("started in %.1f s", s)).orElse("no Started line"),
                start.idleRssKb() / 1024, start.loadedRssKb() / 1024, options.connections(),
                options.load().toSeconds(), start.throughput(), start.errors(), loadBefore, LoadAverage.now());
    }

    /** Per service and mode: the median of the rounds, the fat jar and the cache side by side. */
    void summary(PrintStream print) {
        print.println("[bench] startup summary (median of the rounds; the training run is the first start of a jar):");
        starts.values().forEach(list -> {
            Start first = list.getFirst();
            print.printf("[bench]   %-22s %-13s ready %5.1f s, Spring %s, RSS idle %d MB, after load %d MB, %d start(s)%n",
                    first.service(), first.mode(), median(list.stream().map(Start::readySeconds).toList()),
                    list.stream().allMatch(s -> s.springSeconds().isPresent())
                            ? String.format("%5.1f s", median(list.stream().map(s -> s.springSeconds().get()).toList()))
                            : "  n/a",
                    Math.round(median(list.stream().map(s -> (double) s.idleRssKb()).toList()) / 1024),
                    Math.round(median(list.stream().map(s -> (double) s.loadedRssKb()).toList()) / 1024),
                    list.size());
        });
    }

    /** Spring Boot's own "Started X in N seconds" figure from a service's log. */
    static Optional<Double> springStarted(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.map(STARTED::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(2)))
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * A process's resident set size in kB, from the {@code VmRSS} line of {@code /proc/PID/status}, read line by line
     * (a file of {@code /proc} reports its size as 0); 0 if there is none (not Linux, or the process is gone).
     */
    static long rssKb(long pid) {
        try (BufferedReader status = Files.newBufferedReader(Path.of("/proc", String.valueOf(pid), "status"),
                StandardCharsets.ISO_8859_1)) {
            for (String line = status.readLine(); line != null; line = status.readLine()) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no figure
        }
        return 0;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Supplier<HttpRequest> authenticatedGet(String url, GatewayBenchmark.Tokens tokens) {
        URI uri = URI.create(url);
        return () -> HttpRequest.newBuilder(uri).GET().header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.current()).timeout(Duration.ofSeconds(30)).build();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

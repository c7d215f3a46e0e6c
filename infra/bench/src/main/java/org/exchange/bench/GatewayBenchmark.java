package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.exchange.engines.Ports;
import org.exchange.launcher.Platform;
import org.exchange.launcher.PlatformSettings;
import org.exchange.launcher.ServiceProcess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The gateway against calling the service directly: the same endpoint, the same bearer token (validated by both),
 * side by side in one run. It starts the local platform on free ports, then a gateway of its own from the gateway's
 * jar with the rate limit raised out of the way (the platform's own gateway keeps the real limit), and measures an
 * authenticated read, an authenticated write and a public read.
 */
final class GatewayBenchmark {

    /** The demo practitioner of the realm; every demo account's password is "demo". */
    /** The demo practitioner (infra/keycloak/realm-exchange.json), whose token every benchmark sends by default. */
    static final String PRACTITIONER = "practitioner";
    private static final String PASSWORD = "demo";
    /** High enough that no request of the benchmark is ever refused for its rate. */
    private static final String UNLIMITED = "1000000";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;

    GatewayBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * What to run.
     *
     * @param connections each scenario runs once per number of connections given (the first saturates, a small one
     *        shows the latency added when the callers keep the machine busy)
     * @param rates each scenario runs once per rate given, open loop: requests sent at that rate whatever the answers
     *        do, the "moderate load" at which the latency a gateway adds is judged (a closed loop of even two callers
     *        keeps two cores busy)
     * @param baselineGateway a directory holding an older gateway jar ({@code gateway-*.jar}) to measure beside the
     *        current one, or null
     * @param profile where to write a JFR recording of each gateway under the authenticated read, or null
     * @param c2Gateway whether to measure the current gateway a second time with the C2 compiler ({@code gateway-c2}):
     *        the launcher runs every service with C1 only ({@code -XX:TieredStopAtLevel=1})
     */
    record Options(List<Integer> connections, List<Integer> rates, int rounds, Duration round, Duration warmup,
            Path baselineGateway, Path profile, Duration profileDuration, boolean c2Gateway) {

        /** A comma-separated list of numbers, or {@code none}. */
        private static List<Integer> numbers(String value) {
            return value.equals("none") ? List.of()
                    : java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        }

        static Options parse(List<String> args) {
            List<Integer> connections = List.of(16, 2);
            List<Integer> rates = List.of(100);
            int rounds = 4;
            Duration round = Duration.ofSeconds(10);
            Duration warmup = Duration.ofSeconds(10);
            Path baseline = null;
            Path profile = null;
            Duration profileDuration = Duration.ofSeconds(30);
            boolean c2Gateway = false;
            for (int i = 0; i < args.size(); i++) {
                String value = i + 1 < args.size() ? args.get(i + 1) : "";
                if (args.get(i).equals("--c2-gateway")) {
                    c2Gateway = true;
                    continue;
                }
                switch (args.get(i)) {
                    case "--connections" -> connections = numbers(value);
                    case "--rates" -> rates = numbers(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--round-seconds" -> round = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--baseline-gateway" -> baseline = Path.of(value).toAbsolutePath();
                    case "--profile" -> profile = Path.of(value).toAbsolutePath();
                    case "--profile-seconds" -> profileDuration = Duration.ofSeconds(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
                }
                i++;
            }
            if (connections.isEmpty() && rates.isEmpty()) {
                throw new IllegalArgumentException("Give --connections or --rates");
            }
            return new Options(connections, rates, rounds, round, warmup, baseline, profile, profileDuration, c2Gateway);
        }
    }

    void run() throws IOException {
        // only what the measured paths go through: the services of the read and the write, Keycloak and its database
        BenchPlatform.run(List.of("exchange-service", "notification-service"), out, (platform, data) -> {
            Map<String, String> unlimited = unlimited(platform);
            Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
            starting.put("gateway", CompletableFuture.supplyAsync(() -> gateway(platform.settings().root(), unlimited,
                    data.resolve("bench/logs/gateway.log"), profiling(List.of()))));
            if (options.c2Gateway()) {
                starting.put("gateway-c2", CompletableFuture.supplyAsync(() -> gateway(platform.settings().root(),
                        unlimited, data.resolve("c2/logs/gateway.log"), profiling(List.of("-XX:TieredStopAtLevel=4")))));
            }
            if (options.baselineGateway() != null) {
                starting.put("gateway-baseline", CompletableFuture.supplyAsync(() -> gateway(options.baselineGateway(),
                        unlimited, data.resolve("baseline/logs/gateway.log"), profiling(List.of()))));
            }
            Map<String, ServiceProcess> gateways = new LinkedHashMap<>();
            try {
                starting.forEach((name, gateway) -> gateways.put(name, gateway.join()));
                measure(platform, gateways);
            } finally {
                starting.values().forEach(gateway -> gateway.thenAccept(ServiceProcess::close)
                        .exceptionally(failedToStart -> null).join());
            }
        });
    }

    /** The platform's gateway settings with the rate limit raised out of the benchmark's way. */
    static Map<String, String> unlimited(Platform platform) {
        Map<String, String> unlimited = new LinkedHashMap<>(platform.gatewayProperties());
        unlimited.put("exchange.gateway.rate-limit.replenish-rate", UNLIMITED);
        unlimited.put("exchange.gateway.rate-limit.burst-capacity", UNLIMITED);
        return unlimited;
    }

    /**
     * A gateway to be profiled records stacks 512 frames deep: at JFR's default of 64 a request's stack is cut inside
     * Reactor's operators and names neither the filter nor the route that does the work.
     */
    private List<String> profiling(List<String> jvmOptions) {
        if (options.profile() == null) {
            return jvmOptions;
        }
        List<String> withDeepStacks = new ArrayList<>(jvmOptions);
        withDeepStacks.add("-XX:FlightRecorderOptions:stackdepth=512");
        return withDeepStacks;
    }

    private static ServiceProcess gateway(Path root, Map<String, String> properties, Path log,
            List<String> jvmOptions) {
        ServiceProcess gateway = ServiceProcess.start(root, "gateway", Ports.free(), properties, log, jvmOptions);
        gateway.awaitReady(Duration.ofMinutes(4));
        return gateway;
    }

    private void measure(Platform platform, Map<String, ServiceProcess> processes) {
        PlatformSettings settings = platform.settings();
        Tokens tokens = new Tokens(settings.issuer());
        String exchange = "http://127.0.0.1:" + settings.servicePorts().get("exchange-service");
        String notification = "http://127.0.0.1:" + settings.servicePorts().get("notification-service");
        Map<String, String> gateways = new LinkedHashMap<>();
        processes.forEach((name, process) -> gateways.put(name, "http://127.0.0.1:" + process.port()));
        String groupPath = "/api/exchange/groups/" + firstGroupId(exchange);
        String preferences = "/api/notifications/preferences";
        String change = "{\"categories\":[{\"category\":\"MEETING\",\"email\":true}]}";

        List<LoadDriver.Load> loads = new ArrayList<>();
        options.connections().forEach(connections -> loads.add(LoadDriver.Load.closed(connections)));
        options.rates().forEach(rate -> loads.add(LoadDriver.Load.paced(rate)));
        for (LoadDriver.Load load : loads) {
            side(load, "authenticated read GET " + groupPath, 200,
                    targets(exchange, gateways, base -> get(base + groupPath, tokens)));
            side(load, "authenticated write PUT " + preferences, 200,
                    targets(notification, gateways, base -> put(base + preferences, change, tokens)));
            side(load, "public read GET " + groupPath, 200,
                    targets(exchange, gateways, base -> get(base + groupPath, null)));
        }
        if (options.profile() != null) {
            // each gateway profiled under the authenticated read at the first number of connections, then the service
            // itself under the same read called directly: its own CPU per request beside the gateway's
            processes.forEach((name, process) -> profile(name, process.pid(), gateways.get(name) + groupPath, tokens));
            profile("exchange-service", platform.services().get("exchange-service").pid(), exchange + groupPath,
                    tokens);
        }
    }

    private void profile(String name, long pid, String url, Tokens tokens) {
        Path file = options.profile().resolveSibling(options.profile().getFileName().toString()
                .replaceFirst("(\\.jfr)?$", "-" + name + ".jfr"));
        int connections = options.connections().isEmpty() ? 16 : options.connections().getFirst();
        Profile.record(pid, file, options.profileDuration(), () -> LoadDriver.run(get(url, tokens), 200, connections,
                options.profileDuration()), out);
        JfrTopFrames.print(file, 25, out);
    }

    private void side(LoadDriver.Load load, String scenario, int expectedStatus, List<SideBySide.Target> targets) {
        new SideBySide(scenario, expectedStatus, load, options.warmup(), options.round(), options.rounds())
                .run(targets, out);
    }

    private static List<SideBySide.Target> targets(String direct, Map<String, String> gateways,
            java.util.function.Function<String, Supplier<HttpRequest>> request) {
        List<SideBySide.Target> targets = new ArrayList<>();
        targets.add(new SideBySide.Target("direct", request.apply(direct)));
        gateways.forEach((name, base) -> targets.add(new SideBySide.Target(name, request.apply(base))));
        return targets;
    }

    private static Supplier<HttpRequest> get(String url, Tokens tokens) {
        URI uri = URI.create(url);
        return () -> authorised(HttpRequest.newBuilder(uri).GET(), tokens).build();
    }

    private static Supplier<HttpRequest> put(String url, String body, Tokens tokens) {
        URI uri = URI.create(url);
        return () -> authorised(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), tokens).build();
    }

    private static HttpRequest.Builder authorised(HttpRequest.Builder request, Tokens tokens) {
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        return tokens == null ? request : request.header("Authorization", "Bearer " + tokens.current());
    }

    private static String firstGroupId(String exchange) {
        JsonNode groups = JSON.readTree(Http.get(exchange + "/api/exchange/groups", null));
        if (groups.isEmpty()) {
            throw new IllegalStateException("The demo data holds no group to read");
        }
        return groups.get(0).get("id").asString();
    }

    /**
     * The practitioner's access token by the password grant of the realm's {@code exchange-cli} client, fetched again
     * well before it expires (the realm's tokens live five minutes; a run lasts longer).
     */
    static final class Tokens {
        private static final Duration REFRESH_AFTER = Duration.ofMinutes(2);
        private final String issuer;
        private final String username;
        private volatile String token;
        private volatile Instant fetched = Instant.EPOCH;

        Tokens(String issuer) {
            this(issuer, PRACTITIONER);
        }

        /** Tokens of one of the realm's demo accounts (password "demo"). */
        Tokens(String issuer, String username) {
            this.issuer = issuer;
            this.username = username;
        }

        String current() {
            if (Instant.now().isAfter(fetched.plus(REFRESH_AFTER))) {
                synchronized (this) {
                    if (Instant.now().isAfter(fetched.plus(REFRESH_AFTER))) {
                        String form = "client_id=exchange-cli&grant_type=password&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
                        token = JSON.readTree(Http.post(issuer + "/protocol/openid-connect/token", form))
                                .get("access_token").asString();
                        fetched = Instant.now();
                    }
                }
            }
            return token;
        }
    }

    /** The few set-up calls the benchmark makes itself, outside the measured load. */
    static final class Http {
        private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build();

        static String get(String url, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request.build());
        }

        static String post(String url, String form) {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        private static String send(HttpRequest request) {
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.exchange.launcher.Platform;
import org.exchange.launcher.PlatformSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * National scale: the generator's data set loaded into a local platform of its own ({@code national}), or into the
 * local platform already running from {@code ./platform.sh} ({@code national-data}); then, for {@code national}, the
 * queries the issue names called at the services directly with real tokens, each checked once for a valid answer on
 * that data, then measured with {@link LoadDriver}: throughput, p50 and p99 against the target (p99 at most 20 ms).
 */
final class NationalBenchmark {

    static final UUID DEMO_PRACTITIONER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final double TARGET_P99_MILLIS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final PrintStream out;

    NationalBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** The scale, the seed, the day the data is as of, and how each query is measured. */
    record Options(double scale, long seed, LocalDate asOf, int connections, Duration warmup, Duration round,
            String postgres, String exchange) {

        static Options parse(List<String> args) {
            double scale = 0.01;
            long seed = 15;
            LocalDate asOf = LocalDate.now(ZoneOffset.UTC);
            int connections = 4;
            Duration warmup = Duration.ofSeconds(5);
            Duration round = Duration.ofSeconds(10);
            String postgres = "127.0.0.1:15432";
            String exchange = "http://127.0.0.1:8082";
            for (int i = 0; i + 1 < args.size(); i += 2) {
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--scale" -> scale = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--as-of" -> asOf = LocalDate.parse(value);
                    case "--connections" -> connections = Integer.parseInt(value);
                    case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--round-seconds" -> round = Duration.ofSeconds(Long.parseLong(value));
                    case "--postgres" -> postgres = value;
                    case "--exchange" -> exchange = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
                }
            }
            return new Options(scale, seed, asOf, connections, warmup, round, postgres, exchange);
        }

        NationalData data(PrintStream out) {
            return new NationalData(NationalScale.of(scale), seed, asOf, List.of(DEMO_PRACTITIONER), out);
        }
    }

    /** {@code national-data}: the data set into the running local platform's databases (its standard port). */
    void generateIntoRunningPlatform() throws SQLException {
        options.data(out).write(service -> DriverManager.getConnection("jdbc:postgresql://" + options.postgres() + "/"
                + PlatformSettings.databaseOf(service), "postgres", "postgres"));
    }

    /** {@code national}: a platform of its own, the data set, then every query checked and measured. */
    void run() throws IOException {
        BenchPlatform.run(PlatformSettings.SERVICES, out, (platform, data) -> {
            try {
                options.data(out).write(service -> DriverManager.getConnection(
                        platform.postgres().jdbcUrl(PlatformSettings.databaseOf(service)),
                        platform.postgres().username(), platform.postgres().password()));
            } catch (SQLException e) {
                throw new IllegalStateException("The data set could not be written", e);
            }
            measure(queries(platform.settings()));
        });
    }

    /**
     * {@code national-public}: the public queries (the finder, the outcomes library) at an exchange-service already
     * running on national data, such as one started from an older jar: a change measured before and after on the
     * same data set.
     */
    void measurePublicQueries(String exchange) {
        // the service's floor on this machine: a request that reads no data
        Query health = new Query("baseline: /actuator/health (no data read)", get(exchange + "/actuator/health",
                null), json -> json.has("status"));
        measure(List.of(health, finder(exchange), outcomesSearch(exchange)));
    }

    private static Query finder(String exchange) {
        return new Query("nearest networks, groups and events (Birmingham)", get(exchange
                + "/api/exchange/finder/nearest?latitude=52.48&longitude=-1.90&limit=10", null),
                json -> !json.get("networks").isEmpty() && !json.get("groups").isEmpty());
    }

    private static Query outcomesSearch(String exchange) {
        return new Query("outcomes text search (\"retrieval practice\")", get(exchange
                + "/api/exchange/outcomes?q=retrieval%20practice&size=20", null),
                json -> json.get("total").asLong() > 0 && json.has("moreThanTotal"));
    }

    /** One query as the benchmark calls it, and what a valid answer on the generated data shows. */
    record Query(String name, Supplier<HttpRequest> request, Predicate<JsonNode> valid) {
    }

    static List<Query> queries(PlatformSettings settings) {
        GatewayBenchmark.Tokens practitioner = new GatewayBenchmark.Tokens(settings.issuer());
        GatewayBenchmark.Tokens admin = new GatewayBenchmark.Tokens(settings.issuer(), "programmeadmin");
        String exchange = base(settings, "exchange-service");
        String membership = base(settings, "membership-service");
        String assessment = base(settings, "assessment-service");
        String accreditation = base(settings, "accreditation-service");
        String notification = base(settings, "notification-service");
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        List<Query> queries = new ArrayList<>();
        queries.add(finder(exchange));
        queries.add(outcomesSearch(exchange));
        queries.add(new Query("dashboard: membership /me", get(membership + "/api/membership/me", practitioner),
                json -> json.has("id") || json.has("practitionerId") || json.has("email")));
        queries.add(new Query("dashboard: membership /me/cpd", get(membership + "/api/membership/me/cpd?year=" + year,
                practitioner), json -> true));
        queries.add(new Query("dashboard: exchange /me/groups", get(exchange + "/api/exchange/me/groups",
                practitioner), json -> !json.isEmpty()));
        queries.add(new Query("dashboard: exchange /me/registrations", get(exchange
                + "/api/exchange/me/registrations", practitioner), json -> true));
        queries.add(new Query("dashboard: exchange /me/discussions", get(exchange + "/api/exchange/me/discussions",
                practitioner), json -> true));
        queries.add(new Query("dashboard: assessment /me/status", get(assessment + "/api/assessment/me/status",
                practitioner), json -> true));
        queries.add(new Query("dashboard: accreditation /me/enrolments", get(accreditation
                + "/api/accreditation/me/enrolments", practitioner), json -> !json.isEmpty()));
        queries.add(new Query("dashboard: notifications /feed", get(notification
                + "/api/notifications/feed?limit=3", practitioner), json -> true));
        queries.add(new Query("programme report figures (one network)", () -> get(exchange
                + "/api/exchange/reports/programme?networkId=" + firstNetwork(exchange), admin).get(),
                json -> json.get("practitionersInvolved").asInt() > 0));
        queries.add(new Query("programme report group lines (one network, first page of 50)", () -> get(exchange
                + "/api/exchange/reports/programme/groups?networkId=" + firstNetwork(exchange), admin).get(),
                json -> !json.get("groups").isEmpty()));
        queries.add(new Query("programme report figures (all networks)", get(exchange
                + "/api/exchange/reports/programme", admin), json -> json.get("practitionersInvolved").asInt() > 0));
        queries.add(new Query("programme report group lines (all networks, first page of 50)", get(exchange
                + "/api/exchange/reports/programme/groups", admin), json -> json.get("groups").size() == 50
                && json.has("next")));
        queries.add(new Query("programme report group lines (all networks, a page of 50 halfway through)", () -> get(
                exchange + "/api/exchange/reports/programme/groups?limit=50&after=" + cursorHalfway(exchange, admin),
                admin).get(), json -> json.get("groups").size() == 50));
        queries.add(new Query("newsletter segment count (everyone who consented)", get(notification
                + "/api/notifications/newsletters/audiences/count?segment=CONSENTED", admin),
                json -> json.get("count").asLong() > 0));
        return queries;
    }

    /** The first network the finder knows (any will do: the report for one network is what is measured). */
    private static String firstNetwork(String exchange) {
        return NETWORK.updateAndGet(known -> known != null ? known : JSON.readTree(GatewayBenchmark.Http.get(exchange
                + "/api/exchange/finder/nearest?latitude=52.48&longitude=-1.90&limit=1", null))
                .get("networks").get(0).get("id").asString());
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> NETWORK =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The cursor a client holds after paging through the first half of the whole programme's group lines. */
    private static String cursorHalfway(String exchange, GatewayBenchmark.Tokens admin) {
        return HALFWAY.updateAndGet(known -> {
            if (known != null) {
                return known;
            }
            int groups = 0;
            for (JsonNode count : JSON.readTree(GatewayBenchmark.Http.get(exchange + "/api/exchange/reports/programme",
                    admin.current())).get("groupsByStatus")) {
                groups += count.asInt();
            }
            String after = null;
            for (int passed = 0; passed < groups / 2; passed += 500) {
                after = JSON.readTree(GatewayBenchmark.Http.get(exchange + "/api/exchange/reports/programme/groups"
                        + "?limit=" + Math.min(500, groups / 2 - passed) + (after == null ? "" : "&after=" + after),
                        admin.current())).get("next").asString();
            }
            return after;
        });
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> HALFWAY =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static String base(PlatformSettings settings, String service) {
        return "http://127.0.0.1:" + settings.servicePorts().get(service);
    }

    private static Supplier<HttpRequest> get(String url, GatewayBenchmark.Tokens tokens) {
        URI uri = URI.create(url);
        return () -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).GET();
            if (tokens != null) {
                request.header("Authorization", "Bearer " + tokens.current());
            }
            return request.build();
        };
    }

    /** Each query once, checked, then under load: a failed check stops the run (the data set is not valid). */
    void measure(List<Query> queries) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (Query query : queries) {
                HttpResponse<String> answer = client.send(query.request().get(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200 || !query.valid().test(JSON.readTree(answer.body()))) {
                    throw new IllegalStateException(query.name() + ": " + answer.request().uri() + " answered "
                            + answer.statusCode() + " " + answer.body());
                }
                out.printf("[bench] national, %s: answered 200, %,d bytes%n", query.name(), answer.body().length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (Query query : queries) {
            LoadDriver.run(query.request(), 200, options.connections(), options.warmup());
            LoadDriver.Round round = LoadDriver.run(query.request(), 200, options.connections(), options.round());
            out.printf("[bench] national, %s, %d connections, %d s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, "
                            + "%d errors; target p99 <= %.0f ms %s; load average %s%n", query.name(),
                    options.connections(), options.round().toSeconds(), round.throughput(), round.p50Millis(),
                    round.p99Millis(), round.errors(), TARGET_P99_MILLIS,
                    round.p99Millis() <= TARGET_P99_MILLIS ? "met" : "MISSED", LoadAverage.now());
        }
    }
}

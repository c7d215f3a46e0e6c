package org.exchange.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.launcher.ApiFuzzCases.Case;
import org.exchange.launcher.ApiFuzzCases.Sender;
import org.exchange.launcher.MembershipApi.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzzes every operation of every service's OpenAPI document, read from the running services, with malformed and
 * hostile input (see {@link ApiFuzzCases}), straight to the services and a sample through the gateway. Every answer
 * must be below 500, and every error an RFC 9457 problem (application/problem+json with a title and a detail).
 *
 * <p>The cases follow from a seed: {@code -Dfuzz.seed=N} repeats a run (the ids that exist, taken from the shared
 * platform's data, may differ).
 */
class ApiFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern IDS = Pattern.compile("\"(?:id|[a-zA-Z]+Id)\"\\s*:\\s*\"([^\"\\\\]{1,80})\"");
    private static final Set<String> ROLES = Set.of("facilitator", "assessor", "org-admin", "programme-admin", "ops");
    private static final int DIRECT_THREADS = 8;
    private static final int GATEWAY_THREADS = 2;
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);

    private static Platform platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private MembershipApi membership;
    private Person fuzzer;
    private String token;
    private Instant tokenTakenAt;

    @BeforeAll
    static void startThePlatform() {
        platform = SharedPlatform.get();
    }

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261130L);
        System.out.println("[fuzz] seed " + seed + " (-Dfuzz.seed=" + seed + " repeats the cases)");
        Random random = new Random(seed);
        Instant began = Instant.now();
        membership = new MembershipApi(platform);
        fuzzer = membership.newPractitioner("Fuzz", "org-fuzz");
        grantRoles(fuzzer);

        Map<String, OpenAPI> documents = new LinkedHashMap<>();
        for (String service : PlatformSettings.SERVICES) {
            documents.put(service, document(serviceUrl(service)));
        }
        List<String> foreignIds = foreignIds(documents);
        ApiFuzzCases generator = new ApiFuzzCases(random, foreignIds);
        List<Case> cases = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, OpenAPI> document : documents.entrySet()) {
            cases.addAll(generator.casesFor(document.getKey(), document.getValue()));
            operations += document.getValue().getPaths().values().stream()
                    .mapToInt(item -> item.readOperations().size()).sum();
        }
        List<Case> throughGateway = gatewaySample(cases, random);
        System.out.println("[fuzz] " + operations + " operations of " + documents.size() + " services, "
                + foreignIds.size() + " ids found in their data; " + cases.size() + " cases to the services, "
                + throughGateway.size() + " through the gateway");

        Results direct = run(cases, DIRECT_THREADS, this::serviceUrl);
        Results gateway = run(throughGateway, GATEWAY_THREADS, service -> platform.settings().gatewayUrl());

        long total = direct.count() + gateway.count();
        long serverErrors = direct.serverErrors() + gateway.serverErrors();
        long nonProblems = direct.nonProblems() + gateway.nonProblems();
        System.out.println("[fuzz] " + total + " cases, " + operations + " operations, " + serverErrors + " 5xx, "
                + nonProblems + " non-problem errors");
        System.out.println("[fuzz] statuses from the services: " + direct.statuses());
        System.out.println("[fuzz] statuses through the gateway: " + gateway.statuses());
        System.out.println("[fuzz] took " + Duration.between(began, Instant.now()).toSeconds() + " s");
        // every case that could change something is meant to be refused; what was accepted acted on the fuzzer's own data
        List<String> accepted = new ArrayList<>(direct.changesAccepted());
        accepted.addAll(gateway.changesAccepted());
        System.out.println("[fuzz] " + accepted.size() + " requests other than GET accepted: " + accepted.stream()
                .sorted().limit(20).toList());
        List<String> failures = new ArrayList<>(direct.failures());
        gateway.failures().forEach(failure -> failures.add("via gateway: " + failure));
        Path report = Path.of("target", "fuzz-failures.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, failures);
        failures.stream().limit(80).forEach(failure -> System.out.println("[fuzz] FAILED " + failure));

        assertThat(total).as("cases in one run").isGreaterThanOrEqualTo(10_000);
        assertThat(failures).as("5xx answers and errors that are no problem+json (all in %s)", report).isEmpty();
    }

    /** The fuzzing user: a person of their own, holding every role so that requests reach validation. */
    private void grantRoles(Person person) {
        String admin = membership.adminToken();
        String realm = platform.settings().keycloakUrl() + "/admin/realms/" + PlatformSettings.REALM;
        JsonNode users = JSON.readTree(get(realm + "/users?exact=true&username=" + person.username(), admin).body());
        String userId = users.get(0).get("id").asString();
        List<String> roles = new ArrayList<>();
        for (String role : new TreeSet<>(ROLES)) {
            roles.add(get(realm + "/roles/" + role, admin).body());
        }
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(URI.create(realm + "/users/" + userId
                + "/role-mappings/realm")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", roles) + "]")).build());
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
    }

    /** One token for the fuzzing user, taken again only when it is about to expire (Keycloak's last five minutes). */
    private synchronized String token() {
        if (token == null || Duration.between(tokenTakenAt, Instant.now()).compareTo(TOKEN_REUSE) > 0) {
            token = membership.tokenFor(fuzzer.username());
            tokenTakenAt = Instant.now();
        }
        return token;
    }

    private String serviceUrl(String service) {
        return "http://127.0.0.1:" + platform.settings().servicePorts().get(service);
    }

    private OpenAPI document(String baseUrl) {
        HttpResponse<String> answer = get(baseUrl + "/v3/api-docs", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI document = new OpenAPIV3Parser().readContents(answer.body(), null, options).getOpenAPI();
        assertThat(document).as("the OpenAPI document of " + baseUrl).isNotNull();
        return document;
    }

    /** Ids of things that exist, most of them someone else's: what the services' lists answer the fuzzing user. */
    private List<String> foreignIds(Map<String, OpenAPI> documents) {
        Set<String> ids = new TreeSet<>();
        documents.forEach((service, document) -> {
            for (String path : ApiFuzzCases.listPaths(document)) {
                HttpResponse<String> answer = get(serviceUrl(service) + path, token());
                if (answer.statusCode() == 200) {
                    Matcher matcher = IDS.matcher(answer.body());
                    while (matcher.find()) {
                        ids.add(matcher.group(1));
                    }
                }
            }
        });
        return new ArrayList<>(ids).subList(0, Math.min(ids.size(), 300));
    }

    /** A few percent of the cases, and the first two of each kind of broken path, body and content type. */
    private static List<Case> gatewaySample(List<Case> cases, Random random) {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<Case> sample = new ArrayList<>();
        for (Case fuzzCase : cases) {
            String kind = fuzzCase.kind().replaceAll(" (id|[a-zA-Z]+Id|[a-z]+) ", " ");
            boolean typical = kind.startsWith("path ") || kind.startsWith("malformed body")
                    || kind.startsWith("content type") || kind.startsWith("method");
            if ((typical && seen.merge(kind, 1, Integer::sum) <= 2) || random.nextInt(20) == 0) {
                sample.add(fuzzCase);
            }
        }
        return sample;
    }

    /** What a run found. */
    private record Results(long count, long serverErrors, long nonProblems, SortedMap<Integer, Long> statuses,
            List<String> failures, List<String> changesAccepted) {
    }

    private interface BaseUrl {
        String of(String service);
    }

    private Results run(List<Case> cases, int threads, BaseUrl baseUrl) throws InterruptedException {
        Map<Integer, AtomicLong> statuses = new ConcurrentSkipListMap<>();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong nonProblems = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> changesAccepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Case fuzzCase : cases) {
            pool.execute(() -> {
                Answer answer = answer(baseUrl.of(fuzzCase.service()), fuzzCase);
                statuses.computeIfAbsent(answer.status(), status -> new AtomicLong()).incrementAndGet();
                if (answer.status() < 300 && !fuzzCase.method().equals("GET")) {
                    changesAccepted.add(answer.status() + " " + fuzzCase.operation() + " [" + fuzzCase.kind() + "]");
                }
                String wrong = wrongWith(answer, fuzzCase);
                if (wrong != null) {
                    (answer.status() >= 500 ? serverErrors : nonProblems).incrementAndGet();
                    failures.add(answer.status() + " " + wrong + ": " + fuzzCase.operation() + " [" + fuzzCase.kind()
                            + ", " + fuzzCase.sender() + "] " + abbreviate(fuzzCase.method() + " " + fuzzCase.path())
                            + " -> " + abbreviate(answer.contentType() + " " + answer.body()));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(15, TimeUnit.MINUTES)).as("the fuzz run ends").isTrue();
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        statuses.forEach((status, count) -> histogram.put(status, count.get()));
        Collections.sort(failures);
        return new Results(cases.size(), serverErrors.get(), nonProblems.get(), histogram, List.copyOf(failures),
                List.copyOf(changesAccepted));
    }

    /** An answer, or status 0 where none came. */
    private record Answer(int status, String contentType, String body) {
    }

    /**
     * What is wrong with an answer, or null: a 5xx, an error that is not a problem with a title and a detail, or a
     * refusal of a missing required number or an unknown enum value that does not name it (and the allowed values).
     */
    private static String wrongWith(Answer answer, Case fuzzCase) {
        if (answer.status() == 0) {
            return "no answer";
        }
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (!problem.path("title").isString() || problem.path("title").asString().isBlank()
                    || !problem.path("detail").isString() || problem.path("detail").asString().isBlank()) {
                return "problem without title or detail";
            }
        } catch (RuntimeException e) {
            return "problem that is no JSON";
        }
        if (answer.status() == 400 && fuzzCase.mustName() != null
                && !answer.body().contains(fuzzCase.mustName())) {
            return "problem that does not name " + fuzzCase.mustName();
        }
        if (answer.status() == 400 && fuzzCase.mustListAllowedValues() && !answer.body().contains("allowedValues")) {
            return "problem without the allowed values";
        }
        return null;
    }

    /**
     * The answer to a case. A case that got no answer at all (the connection timed out or broke) is sent once more and
     * said so: on two busy cores a lone lost connection is not the service's answer; no answer twice is a failure.
     */
    private Answer answer(String baseUrl, Case fuzzCase) {
        Answer answer = answerOnce(baseUrl, fuzzCase);
        if (answer.status() == 0) {
            System.out.println("[fuzz] no answer to " + fuzzCase.method() + " " + fuzzCase.path() + " from " + baseUrl
                    + " (" + answer.body() + "); sending it once more");
            answer = answerOnce(baseUrl, fuzzCase);
        }
        return answer;
    }

    private Answer answerOnce(String baseUrl, Case fuzzCase) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (fuzzCase.sender()) {
            case FUZZER -> headers.put("Authorization", "Bearer " + token());
            case GARBAGE_TOKEN -> headers.put("Authorization", "Bearer not.a.token");
            case ANONYMOUS -> {
                // no credentials
            }
        }
        String body = fuzzCase.method().equals("GET") || fuzzCase.method().equals("TRACE") ? null : fuzzCase.body();
        if (body != null && fuzzCase.contentType() != null) {
            headers.put("Content-Type", fuzzCase.contentType());
        }
        if (fuzzCase.accept() != null) {
            headers.put("Accept", fuzzCase.accept());
        }
        try {
            URI target;
            try {
                target = URI.create(baseUrl + fuzzCase.path());
            } catch (IllegalArgumentException notAUri) {
                RawHttp.Answer raw = RawHttp.send(baseUrl, fuzzCase.method(), fuzzCase.path(), headers, body);
                return new Answer(raw.status(), raw.headers().get("content-type"), raw.body());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .method(fuzzCase.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, UTF_8));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            return new Answer(0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, e.toString());
        }
    }

    private HttpResponse<String> get(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        String line = String.valueOf(text).replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}

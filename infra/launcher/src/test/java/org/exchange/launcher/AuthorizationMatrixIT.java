package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.exchange.launcher.MatrixWorld.Actor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The authorization matrix: every operation of every service's OpenAPI document, called by every role (anonymous,
 * practitioner, facilitator, assessor, org-admin, programme-admin) with real Keycloak tokens, as the owner of the ids
 * in the path (own organisation, own person) and, where the answer depends on it, as someone of another organisation
 * who owns none of them. The expected answers are written once, in {@code authorization-matrix.yaml} beside this
 * class's resources; an operation without an entry fails the test, so a new endpoint cannot go unconsidered.
 * Allowed means any answer but 401 and 403 (a 404 or 409 still proves the caller got past authorisation); refused
 * means 401 problem+json for anonymous, 403 problem+json (or 404 where the service hides what exists) for the rest.
 */
class AuthorizationMatrixIT {

    private static final String MATRIX = "/authorization-matrix.yaml";
    private static final Set<String> SIGNED_IN = Set.of("practitioner", "facilitator", "assessor", "org-admin",
            "programme-admin");

    static MatrixWorld world;

    @BeforeAll
    static void setUp() {
        Platform platform = SharedPlatform.get();
        Instant began = Instant.now();
        world = MatrixWorld.create(platform);
        System.out.println("[matrix] people and data set up in "
                + Duration.between(began, Instant.now()).toMillis() + " ms");
    }

    /** What the data file says of one operation. */
    record Expectation(Set<String> allow, String scope, Set<String> owners, Set<String> any, int denied,
            Set<String> readers, Map<String, String> ids, Map<String, Object> body, boolean last) {

        /** The answer of a refusal: 401 to anonymous, 403 to a reader of what the path names, else as denied. */
        int refusal(Actor actor) {
            if (actor.role().equals("anonymous")) {
                return 401;
            }
            return actor.own() && readers.contains(actor.role()) ? 403 : denied;
        }

        /** Whether an actor may call it, given whether they own what the path names. */
        boolean allows(Actor actor) {
            String role = actor.role();
            if (role.equals("anonymous") || scope == null) {
                return allow.contains(role) && (actor.own() || any.contains(role) || scope == null);
            }
            boolean owner = scope.equals("organisation") ? actor.own() : actor.own() && owners.contains(role);
            return owner ? allow.contains(role) || any.contains(role) : any.contains(role);
        }

        /** The actors to try: everyone as owner; for a scoped operation, also the other organisation's people. */
        List<Actor> actors() {
            List<Actor> actors = new ArrayList<>();
            MatrixWorld.ROLES.forEach(role -> actors.add(new Actor(role, true)));
            if (scope != null) {
                MatrixWorld.ROLES.stream().filter(SIGNED_IN::contains)
                        .filter(role -> allow.contains(role) || any.contains(role))
                        .filter(role -> scope.equals("organisation") || owners.contains(role))
                        .forEach(role -> actors.add(new Actor(role, false)));
            }
            return actors;
        }
    }

    /** One call and the answer the matrix expects. */
    record Case(String service, String method, String path, Actor actor, Expectation expectation) {

        boolean expectAllowed() {
            return expectation.allows(actor);
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + actor;
        }
    }

    @Test
    void everyOperationOfEveryServiceAnswersEachRoleAsTheMatrixSays() throws Exception {
        Map<String, Expectation> matrix = load();
        List<String> failures = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        Set<String> covered = new LinkedHashSet<>();
        world.documents().forEach((service, document) -> document.path("paths").properties().forEach(path ->
                path.getValue().properties().forEach(operation -> {
                    String method = operation.getKey().toUpperCase();
                    String key = service + " " + method + " " + path.getKey();
                    Expectation expectation = matrix.get(key);
                    if (expectation == null) {
                        failures.add("no entry in " + MATRIX + " for " + key + " (" + observed(service, method,
                                path.getKey(), operation.getValue()) + ")");
                        return;
                    }
                    covered.add(key);
                    expectation.actors().forEach(actor -> cases.add(
                            new Case(service, method, path.getKey(), actor, expectation)));
                })));
        matrix.keySet().stream().filter(key -> !covered.contains(key))
                .forEach(key -> failures.add("an entry in " + MATRIX + " names no operation: " + key));

        Instant began = Instant.now();
        // refusals first and in parallel (they change nothing when they hold); then reads; then changes one by
        // one, those marked last (erasure, withdrawals) at the very end, and the erasures after everything else: an
        // erasure deletes the caller's Keycloak account, so they sign in to nothing after it
        List<Case> refused = cases.stream().filter(c -> !c.expectAllowed()).toList();
        List<Case> reads = cases.stream().filter(c -> c.expectAllowed() && c.method().equals("GET")).toList();
        List<Case> changes = cases.stream().filter(c -> c.expectAllowed() && !c.method().equals("GET"))
                .sorted(Comparator.comparing((Case c) -> c.expectation().last())
                        .thenComparing(c -> c.path().endsWith("/me/erasure"))
                        .thenComparing(c -> c.method().equals("DELETE")))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            failures.addAll(inParallel(pool, refused));
            failures.addAll(inParallel(pool, reads));
        } finally {
            pool.shutdown();
        }
        changes.forEach(c -> {
            String failure = check(c);
            if (failure != null) {
                failures.add(failure);
            }
        });
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        if (failures.isEmpty()) {
            System.out.println("[matrix] " + cases.size() + " cases checked, all hold (" + covered.size()
                    + " operations, " + seconds + " s)");
        } else {
            System.out.println("[matrix] " + cases.size() + " cases checked, " + failures.size() + " do not hold ("
                    + covered.size() + " operations, " + seconds + " s):");
            failures.forEach(failure -> System.out.println("[matrix]   " + failure));
        }
        assertThat(failures).as("cases of the authorization matrix that do not hold").isEmpty();
    }

    @Test
    void aTokenTheRealmIssuedToAnotherOfItsClientsIsRefusedWith401ProblemByEveryServiceAndTheGateway() {
        String foreign = world.tokenOfAnotherClient();
        Map<String, String> answers = new TreeMap<>();
        Map<String, String> ownData = Map.of("membership", "/api/membership/me",
                "exchange", "/api/exchange/me/groups", "assessment", "/api/assessment/me/status",
                "accreditation", "/api/accreditation/me/enrolments", "notification", "/api/notifications/feed");
        for (String service : world.documents().keySet()) {
            String path = ownData.get(service);
            HttpResponse<String> direct = MatrixWorld.send(HttpRequest.newBuilder(URI.create(world.serviceUrl(service)
                    + path)).header("Authorization", "Bearer " + foreign));
            answers.put(service, direct.statusCode() + " " + direct.headers().firstValue("Content-Type").orElse(""));
            // the practitioner of the other organisation: the fixtures' own erases themselves in the matrix
            HttpResponse<String> owned = world.call(service, "GET", path, MatrixWorld.otherActor("practitioner"),
                    null);
            assertThat(owned.statusCode()).as("%s with the platform client's token: %s", path, owned.body())
                    .isEqualTo(200);
        }
        HttpResponse<String> gateway = MatrixWorld.send(HttpRequest.newBuilder(URI.create(
                SharedPlatform.get().settings().gatewayUrl() + "/api/membership/me"))
                .header("Authorization", "Bearer " + foreign));
        answers.put("gateway", gateway.statusCode() + " " + gateway.headers().firstValue("Content-Type").orElse(""));
        assertThat(answers).allSatisfy((where, answer) -> assertThat(answer).as(where)
                .startsWith("401 application/problem+json"));
    }

    private static List<String> inParallel(ExecutorService pool, Collection<Case> cases) throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        cases.forEach(c -> answers.add(pool.submit(() -> check(c))));
        List<String> failures = new ArrayList<>();
        for (Future<String> answer : answers) {
            if (answer.get() != null) {
                failures.add(answer.get());
            }
        }
        return failures;
    }

    /** Null when the case holds, else what went wrong. */
    private static String check(Case c) {
        HttpResponse<String> response = call(c.service(), c.method(), c.path(), c.actor(), c.expectation());
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (c.expectAllowed()) {
            if (status == 401 || status == 403) {
                return c + ": expected to be allowed, answered " + status + " " + brief(response.body());
            }
            if (status >= 500) {
                return c + ": answered " + status + ", which says nothing of authorisation " + brief(response.body());
            }
            return null;
        }
        int expected = c.expectation().refusal(c.actor());
        if (status != expected) {
            return c + ": expected " + expected + ", answered " + status + " " + brief(response.body());
        }
        if (!contentType.startsWith("application/problem+json")) {
            return c + ": refused with " + status + " but as " + contentType + ", not problem+json";
        }
        return null;
    }

    private static HttpResponse<String> call(String service, String method, String path, Actor actor,
            Expectation expectation) {
        JsonNode document = world.documents().get(service);
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
        RequestBodies bodies = world.bodies(service, expectation == null ? Map.of() : expectation.body());
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asString()).append('=')
                        .append(URLEncoder.encode(bodies.forParameter(parameter.get("name").asString(),
                                parameter.path("schema")), StandardCharsets.UTF_8));
            }
        }
        String concrete = world.concrete(service, path, expectation == null ? Map.of() : expectation.ids());
        if (operation.path("requestBody").path("content").has("multipart/form-data")) {
            return world.multipart(service, concrete + query, actor);
        }
        return world.call(service, method, concrete + query, actor, bodies.forOperation(operation));
    }

    /** For an operation with no entry: what each role is answered now, to help write its entry. */
    private static String observed(String service, String method, String path, JsonNode operation) {
        Expectation probe = new Expectation(Set.of(), null, Set.of(), Set.of(), 403, Set.of(), Map.of(), Map.of(),
                false);
        Map<String, Integer> answers = new LinkedHashMap<>();
        if (!method.equals("GET")) {
            return "not called: a change is only made for an operation the matrix knows";
        }
        MatrixWorld.ROLES.forEach(role -> answers.put(role,
                call(service, method, path, new Actor(role, true), probe).statusCode()));
        return "answers now: " + answers;
    }

    private static String brief(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    /** The data file: per service, per "METHOD path", who may call it. */
    private static Map<String, Expectation> load() {
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX + " on the test class path").isNotNull();
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            Map<String, Expectation> matrix = new LinkedHashMap<>();
            root.properties().forEach(service -> service.getValue().properties().forEach(entry -> {
                JsonNode e = entry.getValue();
                Set<String> allow = roles(e.path("allow"));
                Set<String> any = roles(e.path("any"));
                Set<String> owners = e.has("owners") ? roles(e.get("owners")) : Set.of("practitioner");
                Map<String, String> ids = new LinkedHashMap<>();
                e.path("ids").properties().forEach(id -> ids.put(id.getKey(), id.getValue().asString()));
                @SuppressWarnings("unchecked")
                Map<String, Object> body = e.has("body")
                        ? MatrixWorld.JSON.treeToValue(e.get("body"), Map.class) : Map.of();
                String scope = e.has("scope") ? e.get("scope").asString() : null;
                if (scope != null && !scope.equals("organisation") && !scope.equals("person")) {
                    throw new IllegalArgumentException(entry.getKey() + ": scope is organisation or person");
                }
                matrix.put(service.getKey() + " " + entry.getKey(), new Expectation(allow, scope, owners, any,
                        e.path("denied").asInt(403), roles(e.path("readers")), ids, body,
                        e.path("last").asBoolean(false)));
            }));
            return matrix;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> roles(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Set.of();
        }
        if (node.isString()) {
            return switch (node.asString()) {
                case "anyone" -> Set.copyOf(MatrixWorld.ROLES);
                case "signed-in" -> SIGNED_IN;
                case "nobody" -> Set.of();
                default -> roles(List.of(node.asString()));
            };
        }
        List<String> names = new ArrayList<>();
        node.forEach(role -> names.add(role.asString()));
        return roles(names);
    }

    private static Set<String> roles(List<String> names) {
        names.forEach(name -> {
            if (!MatrixWorld.ROLES.contains(name)) {
                throw new IllegalArgumentException("Unknown role in " + MATRIX + ": " + name);
            }
        });
        return Set.copyOf(names);
    }
}

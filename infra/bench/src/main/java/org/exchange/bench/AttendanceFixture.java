package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.exchange.launcher.PlatformSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the attendance benchmark records attendance at, made through the platform's own APIs before it measures: a
 * group proposed by the realm's demo facilitator and opened by the demo programme admin, {@code attendees} people
 * created in Keycloak (password "demo", role practitioner) who each join it with their own token, and {@code meetings}
 * of its meetings over the last days, recorded afterwards by the facilitator (programme history, which the facilitator
 * may record for 30 days).
 *
 * @param exchange exchange-service's address (called directly, not through the gateway)
 * @param facilitator the demo facilitator's tokens, which record every attendance
 */
record AttendanceFixture(String exchange, GatewayBenchmark.Tokens facilitator, UUID groupId, List<UUID> meetings,
        List<UUID> members) {

    static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static AttendanceFixture create(PlatformSettings settings, int attendees, int meetings, PrintStream out) {
        String exchange = "http://127.0.0.1:" + settings.servicePorts().get("exchange-service");
        GatewayBenchmark.Tokens facilitator = new GatewayBenchmark.Tokens(settings.issuer(), "facilitator");
        GatewayBenchmark.Tokens admin = new GatewayBenchmark.Tokens(settings.issuer(), "programmeadmin");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        UUID network = null;
        for (JsonNode candidate : JSON.readTree(call("GET", exchange + "/api/exchange/networks", facilitator.current(),
                null, 200))) {
            network = network == null || candidate.get("name").asString().startsWith("West Midlands")
                    ? UUID.fromString(candidate.get("id").asString()) : network;
        }
        if (network == null) {
            throw new IllegalStateException("exchange-service has no network (is the demo programme loaded?)");
        }
        LocalDate start = LocalDate.now().minusDays(meetings + 5L);
        UUID group = id(call("POST", exchange + "/api/exchange/groups", facilitator.current(), JSON.writeValueAsString(
                Map.of("networkId", network, "name", "Benchmark attendance " + suffix, "kind", "SUBJECT", "area",
                        "maths", "challenge", "Recording attendance at the rate of a national programme",
                        "capacity", Math.max(attendees, 1), "plannedStart", start.toString(),
                        "plannedEnd", start.plusMonths(6).toString())), 201));
        call("POST", exchange + "/api/exchange/groups/" + group + "/open", admin.current(), null, 200);

        // the master realm's tokens live a minute: one per call
        Supplier<String> keycloakAdmin = () -> JSON.readTree(post(settings.keycloakUrl()
                + "/realms/master/protocol/openid-connect/token",
                "client_id=admin-cli&grant_type=password&username=admin&password=admin")).get("access_token")
                .asString();
        String realm = settings.keycloakUrl() + "/admin/realms/" + PlatformSettings.REALM;
        String practitionerRole = call("GET", realm + "/roles/practitioner", keycloakAdmin.get(), null, 200);
        List<UUID> members = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<?>> joined = new ArrayList<>();
            for (int i = 0; i < attendees; i++) {
                String username = "bench-" + suffix + "-" + i;
                joined.add(threads.submit(() -> {
                    String userId = createUser(realm, keycloakAdmin.get(), username, practitionerRole);
                    String token = new GatewayBenchmark.Tokens(settings.issuer(), username).current();
                    JSON.readTree(call("POST", exchange + "/api/exchange/groups/" + group + "/members", token, null,
                            201));
                    members.add(UUID.fromString(userId));
                }));
            }
            for (Future<?> join : joined) {
                join.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the group's members", e);
        }

        List<UUID> meetingIds = new ArrayList<>();
        for (int i = 0; i < meetings; i++) {
            LocalDate day = LocalDate.now().minusDays(i + 1L);
            meetingIds.add(id(call("POST", exchange + "/api/exchange/meetings/past", facilitator.current(),
                    JSON.writeValueAsString(Map.of("groupId", group, "kind", "GROUP_MEETING",
                            "title", "Benchmark meeting " + (i + 1), "capacity", Math.max(attendees, 1),
                            "when", Map.of("startsAt", day + "T16:00:00", "endsAt", day + "T18:00:00",
                                    "timeZone", "Europe/London", "onlineUrl", "https://meet.example.org/bench"))),
                    201)));
        }
        out.printf("[bench] attendance fixture: group %s with %d members (created in Keycloak, joined with their own "
                + "tokens), %d meetings recorded afterwards by the demo facilitator%n", group, members.size(),
                meetingIds.size());
        return new AttendanceFixture(exchange, facilitator, group, List.copyOf(meetingIds), List.copyOf(members));
    }

    /** The body of {@code PUT /meetings/{id}/attendance}: every member facilitated for {@code minutes}. */
    String attendance(int minutes) {
        StringBuilder body = new StringBuilder("{\"attendees\":[");
        for (int i = 0; i < members.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"practitionerId\":\"").append(members.get(i))
                    .append("\",\"role\":\"FACILITATOR\",\"minutes\":").append(minutes).append('}');
        }
        return body.append("],\"correctionReason\":\"Benchmark: the minutes alternate\"}").toString();
    }

    private static String createUser(String realm, String adminToken, String username, String role) {
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", username, "email", username + "@bench.exchange.test", "emailVerified", true,
                        "firstName", "Bench", "lastName", username, "enabled", true,
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        call("POST", realm + "/users/" + userId + "/role-mappings/realm", adminToken, "[" + role + "]", 204);
        return userId;
    }

    private static UUID id(String body) {
        return UUID.fromString(JSON.readTree(body).get("id").asString());
    }

    static String call(String method, String url, String token, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String post(String url, String form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

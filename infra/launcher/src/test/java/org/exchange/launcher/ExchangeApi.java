package org.exchange.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setting up exchange data for the browser tests through the gateway, as the demo users (password {@code demo}) with
 * tokens of the public {@code exchange-cli} client. Everything it creates is named uniquely: the platform is shared by
 * every test class of the JVM.
 */
final class ExchangeApi {

    static final String PROGRAMME_ADMIN = "programmeadmin";
    static final String FACILITATOR = "facilitator";
    static final String PRACTITIONER = "practitioner";
    static final String ASSESSOR = "assessor";
    static final String ZONE = "Europe/London";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Platform platform;

    ExchangeApi(Platform platform) {
        this.platform = platform;
    }

    /** A short unique suffix for names. */
    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    String token(String username) {
        String form = "client_id=exchange-cli&grant_type=password&username=" + URLEncoder.encode(username, UTF_8)
                + "&password=demo";
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(platform.settings().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** Calls the gateway's API as a user and expects a status; returns the body as JSON (null when empty). */
    JsonNode call(String method, String path, String username, Object body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token(username))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isBlank() ? null : JSON.readTree(response.body());
    }

    /** A network of the programme at a place (latitude and longitude of one of the finder's towns). */
    JsonNode network(String name, String region, String placeName, double latitude, double longitude) {
        return call("POST", "/api/exchange/networks", PROGRAMME_ADMIN, Map.of("name", name, "region", region,
                "placeName", placeName, "latitude", latitude, "longitude", longitude,
                "contactName", "Programme office", "contactEmail", "office@demo.exchange.test"), 201);
    }

    /** A maths group proposed by the demo facilitator (who facilitates it), opened for members by the programme admin. */
    JsonNode formingGroup(String networkId, String name, int capacity) {
        LocalDate start = LocalDate.now().plusDays(1);
        JsonNode group = call("POST", "/api/exchange/groups", FACILITATOR, Map.of("networkId", networkId, "name", name,
                "kind", "SUBJECT", "area", "Maths", "challenge", "Trying peer assessment with adult learners of GCSE maths",
                "capacity", capacity, "plannedStart", start.toString(), "plannedEnd", start.plusMonths(6).toString(),
                "facilitatorIds", List.of()), 201);
        return call("POST", "/api/exchange/groups/" + group.get("id").asString() + "/open", PROGRAMME_ADMIN, null, 200);
    }

    /** A forming group with four meetings planned in its span, activated by its facilitator. */
    JsonNode activeGroup(String networkId, String name, int capacity) {
        JsonNode group = formingGroup(networkId, name, capacity);
        for (int n = 1; n <= 4; n++) {
            onlineMeeting(group, "Meeting " + n, LocalDate.now().plusWeeks(2L * n).atTime(16, 0), 90);
        }
        return call("POST", "/api/exchange/groups/" + group.get("id").asString() + "/activate", FACILITATOR, null, 200);
    }

    /**
     * A group of the demo facilitator's, open for members, whose planned span began on plannedStart (in the past for
     * programme history) and ends four months from today.
     */
    JsonNode formingGroupSince(String networkId, String name, LocalDate plannedStart) {
        JsonNode group = call("POST", "/api/exchange/groups", FACILITATOR, Map.of("networkId", networkId, "name", name,
                "kind", "SUBJECT", "area", "ESOL", "challenge", "Learners who rarely ask questions in class",
                "capacity", 10, "plannedStart", plannedStart.toString(),
                "plannedEnd", LocalDate.now().plusMonths(4).toString(), "facilitatorIds", List.of()), 201);
        return call("POST", "/api/exchange/groups/" + group.get("id").asString() + "/open", PROGRAMME_ADMIN, null, 200);
    }

    /** An online group meeting that already took place, recorded afterwards by the demo facilitator. */
    JsonNode pastMeeting(JsonNode group, String title, LocalDateTime startsAt, int minutes) {
        return call("POST", "/api/exchange/meetings/past", FACILITATOR, meeting(group, title, startsAt, minutes), 201);
    }

    /** An online group meeting scheduled by the demo facilitator, starting at a local time in {@value #ZONE}. */
    JsonNode onlineMeeting(JsonNode group, String title, LocalDateTime startsAt, int minutes) {
        return call("POST", "/api/exchange/meetings", FACILITATOR, meeting(group, title, startsAt, minutes), 201);
    }

    /** An online launch event of a network, scheduled by the demo programme admin two hours long. */
    JsonNode onlineNetworkEvent(String networkId, String title, LocalDateTime startsAt) {
        return call("POST", "/api/exchange/meetings", PROGRAMME_ADMIN, Map.of("kind", "LAUNCH_EVENT",
                "networkId", networkId, "title", title,
                "when", Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plusHours(2).toString(),
                        "timeZone", ZONE, "onlineUrl", "https://meet.example.org/" + unique()),
                "capacity", 60), 201);
    }

    private static Map<String, Object> meeting(JsonNode group, String title, LocalDateTime startsAt, int minutes) {
        return Map.of("kind", "GROUP_MEETING", "groupId", group.get("id").asString(),
                "networkId", group.get("networkId").asString(), "title", title,
                "when", Map.of("startsAt", startsAt.toString(), "endsAt", startsAt.plusMinutes(minutes).toString(),
                        "timeZone", ZONE, "onlineUrl", "https://meet.example.org/" + unique()),
                "capacity", 20);
    }

    void join(String groupId, String username) {
        call("POST", "/api/exchange/groups/" + groupId + "/members", username, null, 201);
    }

    void register(String meetingId, String username) {
        call("POST", "/api/exchange/meetings/" + meetingId + "/registrations", username, null, 201);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

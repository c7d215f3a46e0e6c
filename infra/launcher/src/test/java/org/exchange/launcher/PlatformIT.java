package org.exchange.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first slice end to end, on the platform the launcher starts: a real Keycloak token, the real gateway, the
 * services from their packaged jars, real Kafka, PostgreSQL and SMTP.
 */
class PlatformIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static Platform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = SharedPlatform.get();
    }

    @Test
    void aPractitionerSigningInIsWelcomedByMailAndInTheirFeedAndARedeliveryChangesNothing() throws Exception {
        String token = tokenFor("practitioner", "demo");

        HttpResponse<String> me = get("/api/membership/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode profile = JSON.readTree(me.body());
        assertThat(profile.get("email").asString()).isEqualTo("practitioner@demo.exchange.test");
        assertThat(profile.get("organisationId").asString()).isEqualTo("org-westmid-college");
        String practitionerId = profile.get("id").asString();

        // other end-to-end tests share this platform and may have sent this person more mail: count the welcomes
        await().atMost(Duration.ofSeconds(60)).until(() -> welcomeMails() == 1);

        HttpResponse<String> feed = get("/api/notifications/feed?limit=100", token);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(welcomesIn(feed)).isEqualTo(1);

        // Deliver the very same record again, as Kafka may after a consumer crash.
        ConsumerRecord<String, byte[]> registered = publishedRegistration(practitionerId);
        double duplicatesBefore = notificationDuplicates();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", platform.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(registered.topic(), null, registered.key(),
                    registered.value(), registered.headers());
            producer.send(again).get();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> notificationDuplicates() > duplicatesBefore);
        assertThat(welcomeMails()).isEqualTo(1);
        assertThat(welcomesIn(get("/api/notifications/feed?limit=100", token))).isEqualTo(1);
    }

    private static long welcomeMails() {
        return platform.mail().mailsTo("practitioner@demo.exchange.test").stream()
                .filter(mail -> "Welcome to the Exchange".equals(mail.subject())).count();
    }

    private static long welcomesIn(HttpResponse<String> feed) {
        long welcomes = 0;
        for (JsonNode item : JSON.readTree(feed.body()).get("items")) {
            if ("Welcome to the Exchange".equals(item.get("title").asString())) {
                welcomes++;
            }
        }
        return welcomes;
    }

    @Test
    void aProgrammeAdminAppointsAFacilitatorWhoseNextTokenCarriesTheRoleUntilItIsWithdrawn() throws Exception {
        String assessorToken = tokenFor("assessor", "demo");
        String assessorId = JSON.readTree(get("/api/membership/me", assessorToken).body()).get("id").asString();
        assertThat(realmRoles(assessorToken)).doesNotContain("facilitator");
        String admin = tokenFor("programmeadmin", "demo");

        HttpResponse<String> appointed = send("POST", "/api/membership/admin/appointments", admin,
                "{\"practitionerId\":\"" + assessorId + "\",\"role\":\"FACILITATOR\"}");
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(201);
        // the role follows the committed appointment (membership-service's IdentitySync), a moment later
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> realmRoles(tokenFor("assessor", "demo")).containsAll(List.of("facilitator", "assessor")));

        HttpResponse<String> withdrawn = send("DELETE", "/api/membership/admin/appointments/" + assessorId
                + "/facilitator", admin, null);
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !realmRoles(tokenFor("assessor", "demo")).contains("facilitator"));
        assertThat(realmRoles(tokenFor("assessor", "demo"))).contains("assessor");
    }

    private static List<String> realmRoles(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), UTF_8);
        List<String> roles = new ArrayList<>();
        JSON.readTree(payload).get("realm_access").get("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGatewayRefusesAnApiCallWithoutATokenWithAProblemDetail() throws Exception {
        HttpResponse<String> response = get("/api/membership/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static ConsumerRecord<String, byte[]> publishedRegistration(String practitionerId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MEMBERSHIP));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (practitionerId.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            ConsumerRecord<String, byte[]> record = found.getFirst();
            assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), UTF_8))
                    .isEqualTo("membership.PractitionerRegistered.v1");
            return record;
        }
    }

    private static double notificationDuplicates() throws Exception {
        int port = platform.settings().servicePorts().get("notification-service");
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines()
                .filter(line -> line.startsWith("exchange_inbox_events_total") && line.contains("outcome=\"duplicate\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String tokenFor(String username, String password) throws Exception {
        String form = "client_id=exchange-cli&grant_type=password&username=" + URLEncoder.encode(username, UTF_8)
                + "&password=" + URLEncoder.encode(password, UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(platform.settings().issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

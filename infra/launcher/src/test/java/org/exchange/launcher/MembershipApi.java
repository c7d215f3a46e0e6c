package org.exchange.launcher;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Setting up membership data for the browser tests through the platform's own APIs: people are created in Keycloak
 * through its admin API (each test gets practitioners of its own, since the platform is shared by every test class of
 * the JVM), and act through the gateway with tokens of the public {@code exchange-cli} client.
 */
final class MembershipApi {

    static final String PASSWORD = "demo";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Platform platform;

    MembershipApi(Platform platform) {
        this.platform = platform;
    }

    /** A person someone signs in as: their username and names, all unique to this test run. */
    record Person(String username, String givenName, String familyName, String email) {

        String name() {
            return givenName + " " + familyName;
        }
    }

    /** Creates a practitioner of {@code organisation} with the password {@value #PASSWORD}. */
    Person newPractitioner(String givenName, String organisation) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Person person = new Person("member-" + suffix, givenName, "Member-" + suffix,
                "member-" + suffix + "@demo.exchange.test");
        String admin = adminToken();
        String realm = platform.settings().keycloakUrl() + "/admin/realms/exchange";
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(realm + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", person.username(), "email", person.email(), "emailVerified", true,
                        "firstName", person.givenName(), "lastName", person.familyName(), "enabled", true,
                        "attributes", Map.of("organisation", List.of(organisation)),
                        "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)))))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> role = send(HttpRequest.newBuilder(URI.create(realm + "/roles/practitioner"))
                .header("Authorization", "Bearer " + admin).GET());
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        HttpResponse<String> mapped = send(HttpRequest.newBuilder(
                URI.create(realm + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role.body() + "]")));
        assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(204);
        return person;
    }

    /** A practitioner with a completed profile who applied on evidence of equivalent training; returns the membership. */
    JsonNode applied(Person person, String evidence) {
        String token = tokenFor(person.username());
        call("GET", "/api/membership/me", token, null, 200);
        call("PUT", "/api/membership/me/profile", token, Map.of("jobRole", "Lecturer in construction",
                "organisationId", "org-westmid-college", "region", "West Midlands", "specialisms", List.of("Construction"),
                "newsletterConsent", true, "nameOnOutcomesConsent", false), 200);
        return call("POST", "/api/membership/me/membership/application", token, Map.of("evidence", evidence), 201);
    }

    /** The programme admin approves eligibility; returns the membership, now awaiting payment of its invoice. */
    JsonNode approveEligibility(String membershipId, String reason) {
        return call("POST", "/api/membership/admin/memberships/" + membershipId + "/eligibility",
                tokenFor("programmeadmin"), Map.of("approved", true, "reason", reason), 200);
    }

    /** The programme admin records a bank transfer for the invoice; returns the membership. */
    JsonNode recordPayment(String invoiceId, String reference) {
        return call("POST", "/api/membership/admin/invoices/" + invoiceId + "/payment", tokenFor("programmeadmin"),
                Map.of("method", "BANK_TRANSFER", "reference", reference, "paidOn", LocalDate.now().toString()), 200);
    }

    /** A practitioner who applied, was approved and paid: an active member for a year from today. */
    JsonNode activeMember(Person person) {
        JsonNode applied = applied(person, "Five years facilitating action learning sets for FE lecturers.");
        JsonNode approved = approveEligibility(applied.get("id").asString(), "Equivalent experience evidenced");
        return recordPayment(approved.get("invoice").get("id").asString(), "BACS " + person.familyName());
    }

    JsonNode membershipOf(Person person) {
        return call("GET", "/api/membership/me/membership", tokenFor(person.username()), null, 200);
    }

    JsonNode runRenewals() {
        return call("POST", "/api/membership/admin/renewal-run", tokenFor("programmeadmin"), null, 200);
    }

    /**
     * Moves one membership's expiry date in membership-service's database. The platform runs on real time and a
     * membership is a year long, so a browser test cannot wait for renewal to fall due; the service's own tests move
     * a clock instead. Only the expiry of this test's own membership moves; everything that follows (the reminder,
     * RENEWAL_DUE) is the service's own renewal job, run through its API.
     */
    void moveExpiry(String membershipId, LocalDate expiresOn) {
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl("membership"),
                platform.postgres().username(), platform.postgres().password());
                PreparedStatement update = connection.prepareStatement(
                        "update membership set expires_on = ? where id = ?")) {
            update.setObject(1, expiresOn);
            update.setObject(2, UUID.fromString(membershipId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode call(String method, String path, String token, Object body, int expectedStatus) {
        return call(method, path, token, body, expectedStatus, Map.of());
    }

    /** A call with further headers, such as the If-Match an edit of a versioned resource needs. */
    JsonNode call(String method, String path, String token, Object body, int expectedStatus,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.settings().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    String tokenFor(String username) {
        return token(platform.settings().issuer(), "exchange-cli", username, PASSWORD);
    }

    String adminToken() {
        // the Keycloak engine's bootstrap administrator (KeycloakEngine.Settings.defaults())
        return token(platform.settings().keycloakUrl() + "/realms/master", "admin-cli", "admin", "admin");
    }

    /** An access token from a client of a realm by the password grant. */
    static String token(String issuer, String client, String username, String password) {
        String form = "client_id=" + client + "&grant_type=password&username=" + URLEncoder.encode(username, UTF_8)
                + "&password=" + URLEncoder.encode(password, UTF_8);
        HttpRequest.Builder grant = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        HttpResponse<String> response = send(grant);
        if (response.statusCode() == 400 && response.body().contains("invalid_grant")) {
            // seen once in a whole-suite run for a demo account whose password is right (cause not found yet):
            // say so, and ask once more after a moment
            System.out.println("[keycloak] password grant for " + username + " refused: " + response.body()
                    + "; asking once more");
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofSeconds(2)).until(() -> true);
            response = send(grant);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

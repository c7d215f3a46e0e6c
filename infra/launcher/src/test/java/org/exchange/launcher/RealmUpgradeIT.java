package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A developer's platform keeps Keycloak's database between runs, and Keycloak imports a realm file only when the realm
 * does not exist: the launcher's {@link RealmUpgrade} adds what the file gained since, here the {@code exchange-api}
 * audience without which the services refuse every token, the settings of sign-up and the realm attributes (the e-mail
 * verification link's twelve hours). Checked on a realm of its own
 * in the shared Keycloak.
 */
class RealmUpgradeIT {

    @Test
    void aRealmImportedBeforeTheAudienceScopeExistedGainsItAndItsTokensThenNameTheAudience() throws IOException {
        Platform platform = SharedPlatform.get();
        String keycloak = platform.settings().keycloakUrl();
        String realm = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createTempDirectory("realm-upgrade");
        Path current = RealmFiles.render(platform.settings().root().resolve(PlatformSettings.REALM_FILES.get(0)), dir,
                Map.of("EXCHANGE_PORTAL_URL", platform.settings().gatewayUrl(),
                        "EXCHANGE_KEYCLOAK_URL", keycloak, "EXCHANGE_KEYCLOAK_BACKCHANNEL_URL", keycloak));
        ObjectNode file = (ObjectNode) MatrixWorld.JSON.readTree(Files.readString(current));
        file.put("realm", realm);
        file.remove(List.of("identityProviders", "identityProviderMappers"));
        JsonNode servicesAccount = null;
        for (JsonNode user : file.get("users")) {
            if ("exchange-services".equals(user.path("serviceAccountClientId").asString(null))) {
                servicesAccount = user;
            }
        }
        ArrayNode users = MatrixWorld.JSON.valueToTree(List.of(Map.of("username", "upgraded", "enabled", true,
                "email", "upgraded@demo.exchange.test", "emailVerified", true, "firstName", "Up", "lastName", "Graded",
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))));
        users.add(servicesAccount);
        file.set("users", users);
        Path upgraded = Files.writeString(dir.resolve("realm-upgraded.json"), file.toString());

        // the realm as an earlier run imported it: no exchange-api scope, and no client with it
        ObjectNode before = file.deepCopy();
        ArrayNode scopes = (ArrayNode) before.get("clientScopes");
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i).get("name").asString().equals("exchange-api")) {
                scopes.remove(i);
            }
        }
        before.get("clients").forEach(client -> {
            ArrayNode defaults = (ArrayNode) client.get("defaultClientScopes");
            for (int i = defaults.size() - 1; i >= 0; i--) {
                if (defaults.get(i).asString().equals("exchange-api")) {
                    defaults.remove(i);
                }
            }
        });
        // and the services' account without the roles partner onboarding added later
        before.get("users").forEach(user -> {
            if (user.has("serviceAccountClientId")) {
                ArrayNode management = (ArrayNode) user.get("clientRoles").get("realm-management");
                for (int i = management.size() - 1; i >= 0; i--) {
                    if (management.get(i).asString().endsWith("-identity-providers")
                            || management.get(i).asString().equals("view-events")) {
                        management.remove(i);
                    }
                }
            }
        });
        // and from before sign-up: no registration, no e-mail verification, no SMTP server, no themes, no policy
        before.put("registrationAllowed", false);
        before.put("verifyEmail", false);
        before.remove(List.of("smtpServer", "loginTheme", "emailTheme", "passwordPolicy"));
        // and from before partners were tried before going live (ADR 0022): no login events stored
        before.put("eventsEnabled", false);
        before.remove(List.of("eventsExpiration", "enabledEventTypes"));
        // and with Keycloak's five minutes for the e-mail verification link
        before.remove("attributes");
        String admin = adminToken(keycloak);
        HttpResponse<String> imported = MatrixWorld.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(before.toString())));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        try {
            assertThat(audienceOf(keycloak, realm)).doesNotContain("exchange-api");

            List<String> added = RealmUpgrade.apply(keycloak, upgraded, "admin", "admin");

            assertThat(added).contains("client scope exchange-api", "default client scope exchange-api of exchange-cli",
                    "default client scope exchange-api of exchange-gateway");
            assertThat(added).noneMatch(change -> change.startsWith("default client scope")
                    && change.endsWith("exchange-services"));
            assertThat(added).contains(
                    "role view-identity-providers of realm-management for the service account of exchange-services",
                    "role manage-identity-providers of realm-management for the service account of exchange-services",
                    "role view-events of realm-management for the service account of exchange-services",
                    "realm setting eventsEnabled (login events)");
            assertThat(audienceOf(keycloak, realm)).contains("exchange-api");
            assertThat(added).contains("realm setting smtpServer", "realm setting registrationAllowed",
                    "realm setting verifyEmail", "realm setting loginTheme", "realm setting emailTheme",
                    "realm setting passwordPolicy");
            JsonNode settings = MatrixWorld.JSON.readTree(MatrixWorld.send(HttpRequest.newBuilder(URI.create(keycloak
                    + "/admin/realms/" + realm)).header("Authorization", "Bearer " + adminToken(keycloak))).body());
            assertThat(settings.path("registrationAllowed").asBoolean()).isTrue();
            assertThat(settings.path("verifyEmail").asBoolean()).isTrue();
            assertThat(settings.path("smtpServer").path("host").asString()).isEqualTo("127.0.0.1");
            assertThat(settings.path("loginTheme").asString()).isEqualTo("exchange");
            assertThat(settings.path("eventsEnabled").asBoolean()).isTrue();
            assertThat(settings.path("enabledEventTypes").toString()).contains("LOGIN");
            assertThat(added).contains("realm attribute actionTokenGeneratedByUserLifespan.verify-email");
            assertThat(settings.path("attributes").path("actionTokenGeneratedByUserLifespan.verify-email").asString())
                    .as("the verification link lasts 12 hours").isEqualTo("43200");
            assertThat(RealmUpgrade.apply(keycloak, upgraded, "admin", "admin")).as("a second start").isEmpty();
        } finally {
            MatrixWorld.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + realm))
                    .header("Authorization", "Bearer " + adminToken(keycloak)).DELETE());
        }
    }

    /** The {@code aud} of an access token the realm's {@code exchange-cli} client issues. */
    private static String audienceOf(String keycloak, String realm) {
        HttpResponse<String> response = MatrixWorld.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=exchange-cli&grant_type=password&username=upgraded&password=demo")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = MatrixWorld.JSON.readTree(response.body()).get("access_token").asString();
        JsonNode claims = MatrixWorld.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        return String.valueOf(claims.path("aud"));
    }

    private static String adminToken(String keycloak) {
        return MembershipApi.token(keycloak + "/realms/master", "admin-cli", "admin", "admin");
    }
}

package org.exchange.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings a realm that an earlier run imported up to the realm file's client scopes. Keycloak imports a realm only when
 * it does not exist yet, and the launcher keeps Keycloak's database between runs: without this, a client scope added
 * to the file later (such as {@code exchange-api}, which puts the audience the services require into the tokens) would
 * never reach a developer's existing platform, and every token would be refused. Only what is missing is added: a
 * client scope the realm lacks, a default client scope the file gives a client that the realm's client lacks, a
 * client role the file gives a service account that the realm's service account lacks, and the realm settings of
 * sign-up (self-registration with e-mail verification through the platform's SMTP server, the portal's themes, the
 * password policy) that the realm has none of, and the realm attributes of the file (such as how long the link of the
 * e-mail verification lasts) that the realm has no value for.
 */
final class RealmUpgrade {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String admin;
    private final String token;

    private RealmUpgrade(String keycloakUrl, String realm, String token) {
        this.admin = keycloakUrl + "/admin/realms/" + realm;
        this.token = token;
    }

    /**
     * Adds to the running realm the client scopes of {@code realmFile} it lacks; returns what it added, in words.
     *
     * @param keycloakUrl the server, {@code http://localhost:<port>}
     * @param adminUser the bootstrap administrator of the master realm
     */
    static List<String> apply(String keycloakUrl, Path realmFile, String adminUser, String adminPassword) {
        try {
            JsonNode file = JSON.readTree(Files.readString(realmFile, StandardCharsets.UTF_8));
            String token = adminToken(keycloakUrl, adminUser, adminPassword);
            return new RealmUpgrade(keycloakUrl, file.get("realm").asString(), token).upgrade(file);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the realm file " + realmFile, e);
        }
    }

    private List<String> upgrade(JsonNode file) {
        List<String> added = new ArrayList<>();
        Map<String, String> scopes = scopeIds();
        for (JsonNode scope : file.path("clientScopes")) {
            String name = scope.get("name").asString();
            if (!scopes.containsKey(name)) {
                expect(send(request("/client-scopes").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(scope)))), 201);
                added.add("client scope " + name);
            }
        }
        scopes = scopeIds();
        for (JsonNode client : file.path("clients")) {
            String clientId = client.get("clientId").asString();
            Optional<String> found = clientUuid(clientId);
            if (found.isEmpty()) {
                continue;
            }
            String id = found.get();
            List<String> current = new ArrayList<>();
            JSON.readTree(expect(send(request("/clients/" + id + "/default-client-scopes").GET()), 200))
                    .forEach(scope -> current.add(scope.get("name").asString()));
            for (JsonNode wanted : client.path("defaultClientScopes")) {
                String name = wanted.asString();
                if (!current.contains(name) && scopes.containsKey(name)) {
                    expect(send(request("/clients/" + id + "/default-client-scopes/" + scopes.get(name))
                            .PUT(HttpRequest.BodyPublishers.noBody())), 204);
                    added.add("default client scope " + name + " of " + clientId);
                }
            }
        }
        added.addAll(serviceAccountRoles(file));
        added.addAll(signUpSettings(file));
        added.addAll(loginEvents(file));
        added.addAll(realmAttributes(file));
        return added;
    }

    /** Realm settings added with sign-up, each set only where the running realm has no value of its own. */
    private static final List<String> SIGN_UP_SETTINGS = List.of("loginTheme", "emailTheme", "passwordPolicy",
            "smtpServer");

    /**
     * The sign-up settings of the file that the realm lacks. Self-registration and e-mail verification are switched on
     * only together with the SMTP server, for a realm that has none: a realm imported before sign-up existed (whose
     * {@code false} was the file's, not an administrator's choice), and never without a way to send the mail.
     */
    private List<String> signUpSettings(JsonNode file) {
        JsonNode realm = JSON.readTree(expect(send(request("").GET()), 200));
        ObjectNode changes = JSON.createObjectNode();
        for (String setting : SIGN_UP_SETTINGS) {
            JsonNode wanted = file.path(setting);
            JsonNode held = realm.path(setting);
            boolean missing = held.isMissingNode() || held.isNull() || held.isEmpty() && !held.isValueNode()
                    || held.isString() && held.asString().isBlank();
            if (!wanted.isMissingNode() && missing) {
                changes.set(setting, wanted);
                if (setting.equals("smtpServer")) {
                    for (String flag : List.of("registrationAllowed", "verifyEmail")) {
                        if (file.has(flag)) {
                            changes.set(flag, file.get(flag));
                        }
                    }
                }
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        expect(send(request("").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changes.toString()))), 204);
        List<String> added = new ArrayList<>();
        changes.propertyNames().forEach(setting -> added.add("realm setting " + setting));
        return added;
    }

    /**
     * Login events as the file stores them (partner sign-in's "try sign-in" step reads them, ADR 0022), switched on in
     * a realm that stores none; a realm whose administrator keeps events of their own is left as it is.
     */
    private List<String> loginEvents(JsonNode file) {
        if (!file.path("eventsEnabled").asBoolean(false)) {
            return List.of();
        }
        JsonNode realm = JSON.readTree(expect(send(request("").GET()), 200));
        if (realm.path("eventsEnabled").asBoolean(false)) {
            return List.of();
        }
        ObjectNode changes = JSON.createObjectNode();
        for (String setting : List.of("eventsEnabled", "eventsExpiration", "enabledEventTypes")) {
            if (file.has(setting)) {
                changes.set(setting, file.get(setting));
            }
        }
        expect(send(request("").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changes.toString()))), 204);
        return List.of("realm setting eventsEnabled (login events)");
    }

    /**
     * The file's realm attributes that the realm has no value for, such as
     * {@code actionTokenGeneratedByUserLifespan.verify-email} (how long a newcomer's verification link lasts); a value
     * the realm holds, an administrator's choice, is kept. The realm's other attributes are sent back as they are.
     */
    private List<String> realmAttributes(JsonNode file) {
        JsonNode realm = JSON.readTree(expect(send(request("").GET()), 200));
        ObjectNode attributes = realm.path("attributes").isObject() ? ((ObjectNode) realm.get("attributes")).deepCopy()
                : JSON.createObjectNode();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, JsonNode> wanted : file.path("attributes").properties()) {
            JsonNode held = attributes.path(wanted.getKey());
            if (held.isMissingNode() || held.isNull() || held.asString("").isBlank()) {
                attributes.set(wanted.getKey(), wanted.getValue());
                added.add("realm attribute " + wanted.getKey());
            }
        }
        if (!added.isEmpty()) {
            ObjectNode changes = JSON.createObjectNode();
            changes.set("attributes", attributes);
            expect(send(request("").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(changes.toString()))), 204);
        }
        return added;
    }

    /**
     * The client roles the file gives a client's service account (such as realm-management's
     * {@code manage-identity-providers}, which partner onboarding needs) that the realm's service account lacks.
     */
    private List<String> serviceAccountRoles(JsonNode file) {
        List<String> added = new ArrayList<>();
        for (JsonNode user : file.path("users")) {
            String account = user.path("serviceAccountClientId").asString(null);
            Optional<String> client = account == null ? Optional.empty() : clientUuid(account);
            if (client.isEmpty()) {
                continue;
            }
            String userId = JSON.readTree(expect(send(request("/clients/" + client.get() + "/service-account-user")
                    .GET()), 200)).get("id").asString();
            for (Map.Entry<String, JsonNode> roles : user.path("clientRoles").properties()) {
                Optional<String> owner = clientUuid(roles.getKey());
                if (owner.isEmpty()) {
                    continue;
                }
                String mappings = "/users/" + userId + "/role-mappings/clients/" + owner.get();
                Set<String> held = new HashSet<>();
                JSON.readTree(expect(send(request(mappings).GET()), 200))
                        .forEach(role -> held.add(role.get("name").asString()));
                ArrayNode missing = JSON.createArrayNode();
                for (JsonNode wanted : roles.getValue()) {
                    String name = wanted.asString();
                    if (!held.contains(name)) {
                        missing.add(JSON.readTree(expect(send(request("/clients/" + owner.get() + "/roles/"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET()), 200)));
                        added.add("role " + name + " of " + roles.getKey() + " for the service account of " + account);
                    }
                }
                if (!missing.isEmpty()) {
                    expect(send(request(mappings).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(missing.toString()))), 204);
                }
            }
        }
        return added;
    }

    /** Keycloak's id of the realm's client with this client id, if the realm has it. */
    private Optional<String> clientUuid(String clientId) {
        JsonNode found = JSON.readTree(expect(send(request("/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8)).GET()), 200));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).get("id").asString());
    }

    private Map<String, String> scopeIds() {
        Map<String, String> ids = new HashMap<>();
        JSON.readTree(expect(send(request("/client-scopes").GET()), 200))
                .forEach(scope -> ids.put(scope.get("name").asString(), scope.get("id").asString()));
        return ids;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(admin + path)).header("Authorization", "Bearer " + token);
    }

    private static String adminToken(String keycloakUrl, String user, String password) {
        String form = "client_id=admin-cli&grant_type=password&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        String body = expect(send(HttpRequest.newBuilder(URI.create(keycloakUrl
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))), 200);
        return JSON.readTree(body).get("access_token").asString();
    }

    private static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.exchange.membership.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.exchange.engines.KeycloakEngine;
import org.exchange.engines.Ports;
import org.exchange.engines.RepositoryRoot;
import org.exchange.testing.TestEngines;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The exchange realm on a real Keycloak of one test class's own ({@link KeycloakEngine}, its own database), on a
 * fixed port so that the test can stop it and start it again at the same address. Started on first use.
 */
public final class RealKeycloak {

    /** The realm the platform runs in. */
    public static final String REALM = "exchange";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port = Ports.free();
    private String database;
    private KeycloakEngine engine;

    /** @param database the PostgreSQL database Keycloak keeps its realm in, one per test class */
    public RealKeycloak(String database) {
        this.database = database;
    }

    /** Keycloak's address, started if it is not running. */
    public synchronized String baseUrl() {
        start();
        return engine.baseUrl();
    }

    public synchronized void start() {
        if (engine == null) {
            TestEngines engines = TestEngines.shared();
            engine = KeycloakEngine.start(KeycloakEngine.Settings.defaults()
                    .withHttpPort(port)
                    .withRealmFile(RepositoryRoot.find().resolve("infra/keycloak/realm-exchange.json"))
                    .withDatabase(engines.jdbcUrl(database), engines.databaseUsername(), engines.databasePassword()));
        }
    }

    public synchronized void stop() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /**
     * Points the service under test at this Keycloak, with the identity sync's pauses short enough for a test (tried
     * every second, at most three seconds apart). Starts Keycloak when the property is first read.
     */
    public void serve(DynamicPropertyRegistry registry) {
        registry.add("exchange.identity.keycloak.server-url", this::baseUrl);
        registry.add("exchange.identity.role-sync.interval", () -> "PT1S");
        registry.add("exchange.identity.role-sync.longest-pause", () -> "PT3S");
    }

    /**
     * Stops Keycloak and starts it again, at the same address, on a new database: a fresh Keycloak with nothing but the
     * imported realm, as a new environment (or a reset of Keycloak's data) has.
     */
    public synchronized void startFresh(String newDatabase) {
        stop();
        database = newDatabase;
        start();
    }

    /** Keycloak's administrator of every realm (a new client each time: Keycloak may have restarted). */
    public <T> T asKeycloakAdministrator(Function<Keycloak, T> action) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(baseUrl()).realm("master")
                .grantType(OAuth2Constants.PASSWORD).clientId("admin-cli").username("admin").password("admin")
                .build()) {
            return action.apply(admin);
        }
    }

    /** Keycloak's administrator, through the master realm (a new client each time: Keycloak may have restarted). */
    public <T> T asAdministrator(Function<RealmResource, T> action) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(baseUrl()).realm("master")
                .grantType(OAuth2Constants.PASSWORD).clientId("admin-cli").username("admin").password("admin")
                .build()) {
            return action.apply(admin.realm(REALM));
        }
    }

    /** A new enabled account with an e-mail address, the given password and realm roles; returns its id. */
    public UUID newAccount(String username, String password, String... realmRoles) {
        return asAdministrator(realm -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(username + "@college.test");
            user.setFirstName("Grace");
            user.setLastName("Hopper");
            user.setEnabled(true);
            // the realm asks self-registered people to verify their address before they sign in; not these
            user.setEmailVerified(true);
            user.setAttributes(Map.of("organisation", List.of("org-westmid-college")));
            if (password != null) {
                CredentialRepresentation credential = new CredentialRepresentation();
                credential.setType(CredentialRepresentation.PASSWORD);
                credential.setValue(password);
                credential.setTemporary(false);
                user.setCredentials(List.of(credential));
            }
            UUID id;
            try (Response created = realm.users().create(user)) {
                id = UUID.fromString(CreatedResponseUtil.getCreatedId(created));
            }
            if (realmRoles.length > 0) {
                List<RoleRepresentation> roles = Arrays.stream(realmRoles)
                        .map(role -> realm.roles().get(role).toRepresentation()).toList();
                realm.users().get(id.toString()).roles().realmLevel().add(roles);
            }
            return id;
        });
    }

    /** The account as Keycloak's admin console shows it. */
    public UserRepresentation account(UUID person) {
        return asAdministrator(realm -> realm.users().get(person.toString()).toRepresentation());
    }

    /** The realm roles mapped to the account directly. */
    public List<String> realmRolesOf(UUID person) {
        return asAdministrator(realm -> realm.users().get(person.toString()).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).toList());
    }

    /** Whether the realm has an account of that id. */
    public boolean exists(UUID person) {
        return asAdministrator(realm -> {
            try {
                realm.users().get(person.toString()).toRepresentation();
                return true;
            } catch (NotFoundException e) {
                return false;
            }
        });
    }

    /** Who holds the realm role directly. */
    public List<UUID> membersOf(String role) {
        return asAdministrator(realm -> realm.roles().get(role).getUserMembers(0, 10_000).stream()
                .map(user -> UUID.fromString(user.getId())).toList());
    }

    /** Puts an account back as it was, under its id: what restoring Keycloak's database from a backup would do. */
    public void restore(UserRepresentation account) {
        asAdministrator(realm -> {
            PartialImportRepresentation restore = new PartialImportRepresentation();
            restore.setIfResourceExists(PartialImportRepresentation.Policy.FAIL.name());
            restore.setUsers(List.of(account));
            try (Response imported = realm.partialImport(restore)) {
                if (imported.getStatus() != 200) {
                    throw new IllegalStateException("Keycloak did not restore the account: " + imported.getStatus()
                            + " " + imported.readEntity(String.class));
                }
            }
            return null;
        });
    }

    /** Signs in with the password grant of the platform's {@code exchange-cli} client: Keycloak's answer. */
    public HttpResponse<String> passwordGrant(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "exchange-cli", "username", username,
                "password", password));
    }

    /** Refreshes a session with its refresh token: Keycloak's answer. */
    public HttpResponse<String> refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", "exchange-cli", "refresh_token",
                refreshToken));
    }

    private HttpResponse<String> token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/" + REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

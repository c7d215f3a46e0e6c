package org.exchange.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.exchange.engines.KafkaEngine;
import org.exchange.engines.KeycloakEngine;
import org.exchange.engines.MailEngine;
import org.exchange.engines.PostgresEngine;

/**
 * The whole platform on one machine: PostgreSQL (a database per service, and Keycloak's), a Kafka broker, an SMTP
 * server whose mails can be read over HTTP, Keycloak with the realm imported, every service and the gateway.
 * Closing it stops everything it started, in reverse order.
 */
public final class Platform implements AutoCloseable {

    /** The key of partners' client secrets on this local platform (base64 of "exchange-local-partner-secrets!!"). */
    static final String LOCAL_PARTNER_SECRET_KEY = "ZXhjaGFuZ2UtbG9jYWwtcGFydG5lci1zZWNyZXRzISE=";

    /**
     * Generous: on a busy two-core machine the first start of everything takes minutes. A machine busier still (a
     * Keycloak creating its schema while other platforms run beside it) may ask for longer with the system property
     * {@code exchange.platform.ready-timeout} (an ISO-8601 duration, such as {@code PT12M}).
     */
    private static final Duration READY_TIMEOUT = Duration.parse(System.getProperty("exchange.platform.ready-timeout",
            "PT6M"));

    /** Keycloak's own database in the platform's PostgreSQL: everything Keycloak knows is in it. */
    static final String KEYCLOAK_DATABASE = "keycloak";

    private final PlatformSettings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresEngine postgres;
    private KafkaEngine kafka;
    private MailEngine mail;
    private KeycloakEngine keycloak;
    private KeycloakEngine.Settings keycloakSettings;
    private CompletableFuture<KeycloakEngine> keycloakStarting;

    private Platform(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns once every part reports itself ready. */
    public static Platform start(PlatformSettings settings, Progress progress) {
        Platform platform = new Platform(settings);
        try {
            platform.startAll(progress);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Progress progress) {
        Path data = settings.dataDir();
        progress.step("PostgreSQL on port " + settings.postgresPort());
        postgres = started(PostgresEngine.start(data.resolve("postgres"), settings.postgresPort()));
        PlatformSettings.SERVICES.forEach(service -> postgres.createDatabaseIfMissing(PlatformSettings.databaseOf(service)));
        if (settings.freshKeycloak()) {
            // realms, users, sessions, identity providers: all of Keycloak's state is in its database
            postgres.dropDatabaseIfExists(KEYCLOAK_DATABASE);
            progress.step("Keycloak's data deleted (the services' data kept): realms imported afresh");
        }
        postgres.createDatabaseIfMissing(KEYCLOAK_DATABASE);

        progress.step("Kafka on port " + settings.kafkaPort());
        kafka = started(KafkaEngine.start(data.resolve("kafka"), settings.kafkaPort()));

        progress.step("SMTP on port " + settings.smtpPort() + ", mails readable at " + settings.mailUrl());
        mail = started(MailEngine.start(settings.smtpPort(), settings.mailApiPort()));

        progress.step("Keycloak on port " + settings.keycloakPort() + " (the first start takes a minute)");
        // the realm's own mail (verifying a newcomer's address) goes through the platform's SMTP server too
        Map<String, String> addresses = Map.of(
                "EXCHANGE_PORTAL_URL", settings.gatewayUrl(),
                "EXCHANGE_KEYCLOAK_URL", settings.keycloakUrl(),
                "EXCHANGE_KEYCLOAK_BACKCHANNEL_URL", settings.keycloakUrl(),
                "EXCHANGE_SMTP_HOST", "127.0.0.1",
                "EXCHANGE_SMTP_PORT", String.valueOf(mail.smtpPort()));
        List<Path> realms = PlatformSettings.REALM_FILES.stream()
                .map(file -> RealmFiles.render(settings.root().resolve(file), data.resolve("realms"), addresses))
                .toList();
        KeycloakEngine.Settings identity = KeycloakEngine.Settings.defaults();
        keycloakSettings = identity
                .withHttpPort(settings.keycloakPort())
                .withManagementPort(settings.keycloakManagementPort())
                .withRealmFiles(realms)
                // the portal's look on Keycloak's sign-in, registration and e-mail pages, straight from the sources
                .withThemesDir(settings.root().resolve(PlatformSettings.THEMES_DIR))
                .withStartupTimeout(READY_TIMEOUT)
                .withDatabase(postgres, KEYCLOAK_DATABASE)
                // kept, so that the next start finds and stops a server a killed launcher left running
                .withWorkDir(data.resolve("keycloak"))
                .withLogFile(data.resolve("logs/keycloak.log"));
        keycloakStarting = CompletableFuture.supplyAsync(() -> KeycloakEngine.start(keycloakSettings));

        for (String service : settings.servicePorts().keySet()) {
            progress.step(service + " on port " + settings.servicePorts().get(service));
            services.put(service, started(ServiceProcess.start(settings.root(), service,
                    settings.servicePorts().get(service), serviceProperties(service),
                    data.resolve("logs/" + service + ".log"))));
        }
        progress.step("gateway on port " + settings.gatewayPort());
        services.put("gateway", started(ServiceProcess.start(settings.root(), "gateway", settings.gatewayPort(),
                gatewayProperties(), data.resolve("logs/gateway.log"))));

        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY_TIMEOUT);
            progress.step(service.name() + " is ready");
        }
        keycloak = started(keycloakStarting.join());
        // a realm kept from an earlier run is not imported again: add the client scopes the files gained since
        realms.forEach(realm -> RealmUpgrade.apply(settings.keycloakUrl(), realm, identity.adminUsername(),
                identity.adminPassword()).forEach(added -> progress.step("Keycloak realm upgraded: " + added)));
        progress.step("Keycloak is ready");
    }

    /** The settings a service runs with on this platform: a second instance of it (a benchmark's) starts with the same. */
    public Map<String, String> serviceProperties(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(PlatformSettings.databaseOf(service)));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", settings.issuer());
        properties.put("exchange.identity.keycloak.server-url", settings.keycloakUrl());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(mail.smtpPort()));
        if (service.equals("exchange-service")) {
            // the West Midlands Professional Exchange: groups in every state, meetings past and upcoming, outcomes
            properties.put("exchange.demo.load", "true");
        }
        if (service.equals("membership-service")) {
            // partners' client secrets are encrypted at rest with this key: a fixed one for this local platform only
            // (a shared deployment gives its own from its secret store; membership-service does not start without)
            properties.put("exchange.membership.partner-secret-key", LOCAL_PARTNER_SECRET_KEY);
        }
        if (service.equals("notification-service")) {
            // the links in mails (confirmations, unsubscribe, the newsletter's web copy) lead to this platform's portal
            properties.put("exchange.notification.public-base-url", settings.gatewayUrl());
        }
        if (!settings.clockOffset().isZero()) {
            properties.put("exchange.clock.offset", settings.clockOffset().toString());
        }
        return properties;
    }

    /** The settings the platform's gateway runs with: a second replica of it starts with the same, and its own. */
    public Map<String, String> gatewayProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        settings.servicePorts().forEach((service, port) -> properties.put(
                "exchange.services." + PlatformSettings.databaseOf(service), "http://127.0.0.1:" + port));
        properties.put("exchange.gateway.oidc.issuer-uri", settings.issuer());
        // the portal straight from the sources: an edited page, or the layout, shows on reload, no rebuild needed
        Path portal = settings.root().resolve("gateway/src/main/resources/static");
        if (java.nio.file.Files.isDirectory(portal)) {
            properties.put("spring.web.resources.static-locations", portal.toUri() + ",classpath:/static/");
        }
        Path layout = settings.root().resolve("gateway/src/main/resources/portal/layout.html");
        if (java.nio.file.Files.isRegularFile(layout)) {
            properties.put("exchange.gateway.portal.layout", layout.toUri().toString());
        }
        return properties;
    }

    private <T extends AutoCloseable> T started(T part) {
        started.add(part);
        return part;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public KafkaEngine kafka() {
        return kafka;
    }

    public MailEngine mail() {
        return mail;
    }

    public PostgresEngine postgres() {
        return postgres;
    }

    public KeycloakEngine keycloak() {
        return keycloak;
    }

    /** Stops Keycloak as an outage would (fault tests); {@link #startKeycloak()} brings it back at its address. */
    public synchronized void stopKeycloak() {
        if (keycloak != null) {
            started.remove(keycloak);
            keycloak.close();
            keycloak = null;
        }
    }

    /** Starts Keycloak again after {@link #stopKeycloak()}, on the same ports and database, and waits until ready. */
    public synchronized void startKeycloak() {
        if (keycloak == null) {
            keycloak = started(KeycloakEngine.start(keycloakSettings));
        }
    }

    public Map<String, ServiceProcess> services() {
        return Map.copyOf(services);
    }

    @Override
    public void close() {
        if (keycloak == null && keycloakStarting != null) {
            // start failed elsewhere while Keycloak was still coming up: stop it once it is
            keycloakStarting.thenAccept(KeycloakEngine::close);
        }
        // the applications first, all at once (each shuts down gracefully, finishing its requests and leaving its
        // consumer group), then Keycloak, mail, Kafka and PostgreSQL in reverse order of starting
        started.stream().filter(ServiceProcess.class::isInstance).toList().parallelStream().forEach(Platform::stop);
        List<AutoCloseable> engines = new ArrayList<>(started.stream()
                .filter(part -> !(part instanceof ServiceProcess)).toList());
        java.util.Collections.reverse(engines);
        engines.forEach(Platform::stop);
        started.clear();
    }

    private static void stop(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + part + ": " + e.getMessage());
        }
    }

    /** Tells the person waiting what is happening. */
    @FunctionalInterface
    public interface Progress {
        void step(String message);
    }
}

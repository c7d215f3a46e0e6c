package org.exchange.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchange.engines.Ports;

/**
 * Where the local platform keeps its data and which ports it listens on (all on 127.0.0.1).
 *
 * @param root the repository checkout: where the services' jars and the realm files are
 * @param dataDir where PostgreSQL, Kafka and the logs keep their files between runs
 * @param servicePorts the HTTP port of each service, by module name
 * @param clockOffset how far ahead of real time the services' clocks run (zero but for demonstrations)
 * @param freshKeycloak whether Keycloak's database is emptied at start (its realms then imported afresh from the
 *        realm files, and the onboarded partners and appointed roles re-applied by membership-service), while the
 *        services' databases and Kafka's topics are kept
 */
public record PlatformSettings(
        Path root,
        Path dataDir,
        int gatewayPort,
        Map<String, Integer> servicePorts,
        int postgresPort,
        int kafkaPort,
        int smtpPort,
        int mailApiPort,
        int keycloakPort,
        int keycloakManagementPort,
        Duration clockOffset,
        boolean freshKeycloak) {

    /** The services in start order; the gateway comes last. */
    public static final List<String> SERVICES = List.of("membership-service", "exchange-service",
            "assessment-service", "accreditation-service", "notification-service");

    /** The realm the platform signs people in to. */
    public static final String REALM = "exchange";

    /**
     * The realms Keycloak imports: the platform's, and a partner college's own identity provider, brokered into it
     * (so that the college's staff sign in with their college account).
     */
    public static final List<String> REALM_FILES = List.of("infra/keycloak/realm-exchange.json",
            "infra/keycloak/realm-partner-college.json");

    /** Keycloak's themes for the platform realm (its {@code loginTheme} and {@code emailTheme} name one of them). */
    public static final String THEMES_DIR = "infra/keycloak/themes";

    /** The ports the README documents. */
    public static PlatformSettings standard(Path root, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            ports.put(SERVICES.get(i), 8081 + i);
        }
        return new PlatformSettings(root, dataDir, 8080, ports, 15432, 19092, 3025, 8025, 8180, 9180, Duration.ZERO,
                false);
    }

    /** Free ports everywhere, so that a test run never collides with a platform someone left running. */
    public static PlatformSettings freePorts(Path root, Path dataDir) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(service -> ports.put(service, Ports.free()));
        return new PlatformSettings(root, dataDir, Ports.free(), ports, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), Duration.ZERO, false);
    }

    /** The same platform with the services' clocks running {@code offset} ahead of real time. */
    public PlatformSettings withClockOffset(Duration offset) {
        return new PlatformSettings(root, dataDir, gatewayPort, servicePorts, postgresPort, kafkaPort, smtpPort,
                mailApiPort, keycloakPort, keycloakManagementPort, offset, freshKeycloak);
    }

    /** The same platform, started with Keycloak's data deleted and the services' data kept ({@code --reset-keycloak}). */
    public PlatformSettings withFreshKeycloak() {
        return new PlatformSettings(root, dataDir, gatewayPort, servicePorts, postgresPort, kafkaPort, smtpPort,
                mailApiPort, keycloakPort, keycloakManagementPort, clockOffset, true);
    }

    /**
     * The same platform with only some of the services (and the gateway, whose routes to the others then answer
     * as when a service is down): a benchmark of one path starts no more than it measures.
     */
    public PlatformSettings withOnly(List<String> services) {
        Map<String, Integer> ports = new LinkedHashMap<>(servicePorts);
        ports.keySet().retainAll(services);
        return new PlatformSettings(root, dataDir, gatewayPort, ports, postgresPort, kafkaPort, smtpPort, mailApiPort,
                keycloakPort, keycloakManagementPort, clockOffset, freshKeycloak);
    }

    /** The database a service owns: {@code membership-service} owns {@code membership}. */
    public static String databaseOf(String service) {
        return service.replace("-service", "");
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String mailUrl() {
        return "http://localhost:" + mailApiPort;
    }
}

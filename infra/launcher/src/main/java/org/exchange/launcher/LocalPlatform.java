package org.exchange.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.exchange.engines.RepositoryRoot;

/**
 * Runs the whole Exchange platform locally with embedded defaults and no container engine.
 * <p>
 * Options: {@code --reset} deletes the local data (databases, topics, logs) before starting;
 * {@code --reset-keycloak} deletes Keycloak's data only (its realms, users and sessions), keeping the services'
 * databases and Kafka's topics: the realms are imported afresh and membership-service re-applies the onboarded
 * partners' sign-ins and the appointed roles; {@code --data <dir>} keeps the data elsewhere than {@code .platform/} in
 * the checkout.
 */
public final class LocalPlatform {

    static final String OPTIONS = """
            Options:
              --reset                 start afresh: delete all the local data (databases, topics, logs) first
              --reset-keycloak        delete Keycloak's data only (realms, users, sessions) and keep the services'
                                      databases and topics: the realm files are imported afresh, and membership-service
                                      gives the new Keycloak back every onboarded partner sign-in and appointed role
              --data <dir>            keep the data in <dir> instead of .platform/ in the checkout
              --clock-offset <P..D>   run the services' clocks ahead of real time (ISO-8601 duration, e.g. P30D)
              --help                  this text""";

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = RepositoryRoot.find();
        Options options;
        try {
            options = Options.parse(root, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(OPTIONS);
            return;
        }
        Path data = options.data();
        if (options.reset()) {
            deleteRecursively(data);
            System.out.println("Deleted the local data in " + data);
        }
        Files.createDirectories(data);

        Instant began = Instant.now();
        PlatformSettings settings = options.settings(root);
        Platform platform = Platform.start(settings, message -> System.out.println("  - " + message));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Exchange platform...");
            platform.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "exchange-platform-stop"));

        System.out.println(banner(settings, Duration.between(began, Instant.now())));
        stopped.await();
    }

    /**
     * The command line.
     *
     * @param data where the data is kept
     * @param reset delete all of it before starting
     * @param resetKeycloak delete Keycloak's data only (nothing more to do when everything goes)
     * @param clockOffset how far ahead of real time the services' clocks run
     * @param help print the options and start nothing
     */
    record Options(Path data, boolean reset, boolean resetKeycloak, Duration clockOffset, boolean help) {

        /** @throws IllegalArgumentException for an unknown option or a missing or malformed value, with the options */
        static Options parse(Path root, String... args) {
            Path data = root.resolve(".platform");
            boolean reset = false;
            boolean resetKeycloak = false;
            boolean help = false;
            Duration clockOffset = Duration.ZERO;
            try {
                for (int i = 0; i < args.length; i++) {
                    switch (args[i]) {
                        case "--reset" -> reset = true;
                        case "--reset-keycloak" -> resetKeycloak = true;
                        case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                        case "--clock-offset" -> clockOffset = Duration.parse(args[++i]);
                        case "--help", "-h" -> help = true;
                        default -> throw new IllegalArgumentException("Unknown option " + args[i] + ". " + OPTIONS);
                    }
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(args[args.length - 1] + " needs a value. " + OPTIONS, e);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("--clock-offset " + e.getParsedString()
                        + " is not an ISO-8601 duration (such as P30D). " + OPTIONS, e);
            }
            return new Options(data, reset, resetKeycloak, clockOffset, help);
        }

        /** The platform these options start: the standard ports, Keycloak's data deleted on request. */
        PlatformSettings settings(Path root) {
            PlatformSettings settings = PlatformSettings.standard(root, data).withClockOffset(clockOffset);
            return resetKeycloak && !reset ? settings.withFreshKeycloak() : settings;
        }
    }

    static String banner(PlatformSettings s, Duration took) {
        return """

                ==============================================================================
                 The Exchange platform is up (ready in %d s).

                 Portal and API gateway:   %s
                 Keycloak (realm %s): %s   (admin console: admin / admin)
                 Mails sent by the platform: %s/mails
                 Logs and data:            %s

                 Demo accounts (password "demo"):
                   practitioner, facilitator, assessor, academyassessor, orgadmin, programmeadmin
                   partner: a Partner College member; on the sign-in page choose
                            "Partner College" and sign in with the college's own account

                 Get a token and call the API through the gateway:
                   TOKEN=$(curl -s -d client_id=exchange-cli -d grant_type=password \\
                     -d username=practitioner -d password=demo \\
                     %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                   curl -H "Authorization: Bearer $TOKEN" %s/api/membership/me

                 Ctrl-C stops everything. Start afresh with --reset; with --reset-keycloak
                 only Keycloak's data goes (onboarded partners come back from membership-service).
                ==============================================================================
                """.formatted(took.toSeconds(), s.gatewayUrl(), PlatformSettings.REALM, s.keycloakUrl(), s.mailUrl(),
                s.dataDir(), s.issuer(), s.gatewayUrl());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

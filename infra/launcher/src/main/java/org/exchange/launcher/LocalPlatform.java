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
 * {@code --data <dir>} keeps the data elsewhere than {@code .platform/} in the checkout.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path root = RepositoryRoot.find();
        Path data = root.resolve(".platform");
        boolean reset = false;
        Duration clockOffset = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reset" -> reset = true;
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--clock-offset" -> clockOffset = Duration.parse(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + ". Options: --reset, --data <dir>, --clock-offset <P...D>");
                    System.exit(2);
                }
            }
        }
        if (reset) {
            deleteRecursively(data);
            System.out.println("Deleted the local data in " + data);
        }
        Files.createDirectories(data);

        Instant began = Instant.now();
        PlatformSettings settings = PlatformSettings.standard(root, data).withClockOffset(clockOffset);
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

                 Ctrl-C stops everything. Start afresh with --reset.
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

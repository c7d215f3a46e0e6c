package org.exchange.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.time.Instant;

import org.exchange.engines.RepositoryRoot;

/**
 * One platform for every end-to-end test class of this JVM, started on first use on free ports, stopped when the JVM
 * ends: starting Keycloak, the broker, the database and six applications takes over a minute on two cores.
 */
final class SharedPlatform {

    private static Platform platform;

    private SharedPlatform() {
    }

    /** The platform's data (databases, logs, copies of the jars: half a gigabyte) goes when the tests end. */
    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    static synchronized Platform get() {
        if (platform == null) {
            try {
                Path data = Files.createTempDirectory("exchange-platform-it");
                Instant began = Instant.now();
                platform = Platform.start(PlatformSettings.freePorts(RepositoryRoot.find(), data),
                        message -> System.out.println("[platform] " + message));
                System.out.println("[platform] ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
                // EXCHANGE_IT_KEEP_DATA=true keeps the data (each application's log among it) to read after a failure
                boolean keep = Boolean.parseBoolean(System.getenv("EXCHANGE_IT_KEEP_DATA"));
                if (keep) {
                    System.out.println("[platform] data and logs kept in " + data);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    platform.close();
                    if (!keep) {
                        deleteRecursively(data);
                    }
                }, "exchange-platform-it-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }
}

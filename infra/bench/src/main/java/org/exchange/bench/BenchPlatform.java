package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.exchange.engines.RepositoryRoot;
import org.exchange.launcher.Platform;
import org.exchange.launcher.PlatformSettings;

/**
 * The local platform as a benchmark runs it: on free ports, with only the services its measured paths go through
 * (and Keycloak, PostgreSQL and Kafka), its data in a temporary directory removed afterwards.
 */
final class BenchPlatform {

    /** What a benchmark does with the running platform, and the directory its own processes may write in. */
    interface Work {
        void on(Platform platform, Path data) throws IOException;
    }

    private BenchPlatform() {
    }

    static void run(List<String> services, PrintStream out, Work work) throws IOException {
        Path data = Files.createTempDirectory("exchange-bench");
        out.println("[bench] machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + ", load average " + LoadAverage.now());
        Instant began = Instant.now();
        PlatformSettings settings = PlatformSettings.freePorts(RepositoryRoot.find(), data).withOnly(services);
        try (Platform platform = Platform.start(settings, message -> out.println("[platform] " + message))) {
            out.println("[platform] ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
            work.on(platform, data);
        } finally {
            deleteRecursively(data);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}

package org.exchange.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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

    static synchronized Platform get() {
        if (platform == null) {
            try {
                var data = Files.createTempDirectory("exchange-platform-it");
                Instant began = Instant.now();
                platform = Platform.start(PlatformSettings.freePorts(RepositoryRoot.find(), data),
                        message -> System.out.println("[platform] " + message));
                System.out.println("[platform] ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "exchange-platform-it-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }
}

package org.exchange.engines;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the root of this repository from the working directory. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /**
     * The nearest directory at or above {@code user.dir} that holds both {@code infra/keycloak} and {@code pom.xml}.
     *
     * @throws IllegalStateException when there is none
     */
    public static Path find() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra").resolve("keycloak")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with infra/keycloak and pom.xml) at or above " + start);
    }
}

package org.exchange.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The platform's own code and documents, read as text: what the chart must agree with. */
final class Sources {

    /** The repository's root, seen from this module's folder. */
    static final Path ROOT = Path.of("../..");

    private Sources() {
    }

    /** Every main Java source file of the modules (services, gateway, infra). */
    static List<Path> mainJava() {
        try (Stream<Path> files = Files.walk(ROOT, 12)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> file.toString().contains("/src/main/java/"))
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/wip/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module a source file belongs to: its folder below the root, such as {@code exchange-service}. */
    static String moduleOf(Path file) {
        Path relative = ROOT.relativize(file);
        return relative.getName(0).toString();
    }
}

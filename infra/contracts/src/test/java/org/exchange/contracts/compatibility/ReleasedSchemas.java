package org.exchange.contracts.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The event schemas of the last release, kept as a baseline under {@code released/<version>/schemas/} beside the
 * list of versions retired since ({@code released/retired.txt}). Schemas are named by their CloudEvents type, such
 * as {@code exchange.RegistrationWaitlisted.v1} for {@code schemas/exchange/RegistrationWaitlisted.v1.json}.
 */
public record ReleasedSchemas(String version, Map<String, Path> schemas, List<String> retired) {

    static final String RETIRED = "retired.txt";
    static final String RETIRED_HEADER = """
            # Event types (with their version) that the last release published and this one deliberately no longer does,
            # one per line, with why: `exchange.GroupClosed.v1 replaced by exchange.GroupClosed.v2, consumers moved`.
            # Cutting a new baseline empties this list (docs/events.md, Compatibility).
            """;

    /** The baseline kept in {@code released}: exactly one version directory. */
    public static ReleasedSchemas in(Path released) {
        List<Path> versions = list(released).stream().filter(Files::isDirectory).toList();
        if (versions.size() != 1) {
            throw new IllegalStateException("Expected the last release's baseline alone in " + released + ", found "
                    + versions.stream().map(Path::getFileName).toList());
        }
        Path version = versions.getFirst();
        List<String> retired = lines(released.resolve(RETIRED)).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+", 2)[0]).toList();
        return new ReleasedSchemas(version.getFileName().toString(), typesIn(version.resolve("schemas")), retired);
    }

    /** The schema files under a {@code schemas} directory by CloudEvents type. */
    public static Map<String, Path> typesIn(Path schemas) {
        Map<String, Path> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(schemas)) {
            files.filter(file -> file.toString().endsWith(".json")).forEach(file -> {
                Path relative = schemas.relativize(file);
                String context = relative.getParent().toString();
                String name = relative.getFileName().toString();
                types.put(context + "." + name.substring(0, name.length() - ".json".length()), file);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /**
     * Makes the current schemas the baseline of release {@code version}: the previous baseline goes (git keeps it)
     * and the retired list is emptied, as the new baseline no longer has what was retired.
     */
    public static void cut(Path currentSchemas, Path released, String version) throws IOException {
        for (Path previous : list(released)) {
            if (Files.isDirectory(previous)) {
                delete(previous);
            }
        }
        Path target = released.resolve(version).resolve("schemas");
        for (Path source : typesIn(currentSchemas).values()) {
            Path copy = target.resolve(currentSchemas.relativize(source).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy);
        }
        Files.writeString(released.resolve(RETIRED), RETIRED_HEADER);
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        }
    }
}

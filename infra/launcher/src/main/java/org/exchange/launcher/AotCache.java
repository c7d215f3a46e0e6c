package org.exchange.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A service's JDK 25 AOT cache (JEP 483, created in one step as JEP 514 describes), prepared by the launcher on the
 * first start of a jar and reused while the jar's content and the JVM stay the same (docs/adr/0029).
 * <p>
 * The cache holds classes from plain jars on the class path only, never from the jars nested in a Spring Boot fat
 * jar: the fat jar is first extracted once ({@code -Djarmode=tools extract}) into {@code <module>/target/aot/<key>},
 * where {@code <key>} is a digest of the fat jar's entries (names, sizes and CRCs, so a jar repackaged with the same
 * content keeps its key) and of the JVM's build. A start that finds no cache there is the training run: the service
 * runs as always with {@code -XX:AOTCacheOutput}, and the JVM writes the cache when the service stops. Every later
 * start maps it ({@code -XX:AOTCache}); a JVM that cannot use it says so in the service's log and runs on without it.
 * On a JVM older than 25, or with {@code -Dexchange.launcher.aot-cache=false}, a service runs from its fat jar as before.
 */
final class AotCache {

    /** The system property that turns the cache off ({@code false}); read at each start, so a benchmark can compare. */
    static final String ENABLED_PROPERTY = "exchange.launcher.aot-cache";

    /** The cache in each key's directory, once a training run has written it completely. */
    static final String CACHE_FILE = "app.aot";

    /** What the JVM prints when a training run's cache is written completely (JDK 25). */
    static final String CREATED = "AOTCache creation is complete";

    /** The first JDK whose JVM creates the cache in the training run itself ({@code -XX:AOTCacheOutput}, JEP 514). */
    private static final int FIRST_JDK = 25;

    /** How long a training run may take to stop: the JVM writes the cache as it exits. */
    static final Duration TRAINING_GRACE = Duration.ofMinutes(2);

    /** A training run's cache not kept by its launcher this long after it was written is abandoned. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    /** Key directories kept per module (the newest): a platform still running an older jar keeps its classes. */
    private static final int KEPT = 3;

    private AotCache() {
    }

    /**
     * How a service starts.
     *
     * @param jar the jar to run with {@code -jar}
     * @param jvmOptions the cache's options for the JVM
     * @param training where a training run writes its cache (moved to {@link #CACHE_FILE} once complete), or null
     */
    record Launch(Path jar, List<String> jvmOptions, Path training) {

        static Launch fatJar(Path jar) {
            return new Launch(jar, List.of(), null);
        }

        boolean trains() {
            return training != null;
        }

        /**
         * After the service stopped: a training run's cache becomes the module's cache if the run was a good one (the
         * service became ready and then stopped by itself) and the JVM said it wrote the cache completely
         * ({@code log}); it is deleted otherwise (a failed start, a service killed while the cache was written).
         */
        void keepTrainingResult(Path log, boolean goodRun) {
            if (training == null) {
                return;
            }
            try {
                if (goodRun && Files.isRegularFile(training) && Files.size(training) > 0 && saysCreated(log)) {
                    // in one step: a replica's training run that finished first is replaced, and a JVM that already
                    // mapped that cache keeps reading its file
                    Files.move(training, training.resolveSibling(CACHE_FILE), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                Files.deleteIfExists(training);
            } catch (IOException e) {
                System.err.println("Could not keep the AOT cache " + training + ": " + e.getMessage());
            }
        }
    }

    /** Whether this JVM (which runs the services too) creates and uses the cache, and it is not turned off. */
    static boolean applies() {
        return Runtime.version().feature() >= FIRST_JDK
                && !"false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "true"));
    }

    /**
     * How to start {@code fatJar}: from its extracted jars with the cache (or as its training run) where the cache
     * applies, else from {@code runningCopy} (the fat jar copied for this run). Never fails for the cache's sake: if
     * the extraction fails the service starts from its fat jar.
     */
    static Launch prepare(Path fatJar, java.util.function.Supplier<Path> runningCopy) {
        if (!applies()) {
            return Launch.fatJar(runningCopy.get());
        }
        try {
            Path aotRoot = fatJar.toAbsolutePath().getParent().resolve("aot");
            Path dir = extracted(fatJar, aotRoot.resolve(key(fatJar)));
            Path jar = mainJar(dir);
            Path cache = dir.resolve(CACHE_FILE);
            if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
                return new Launch(jar, List.of("-XX:AOTCache=" + cache), null);
            }
            deleteAbandonedTrainings(dir);
            Path training = dir.resolve("training-" + UUID.randomUUID() + ".aot");
            return new Launch(jar, List.of("-XX:AOTCacheOutput=" + training), training);
        } catch (IOException | RuntimeException e) {
            System.err.println("No AOT cache for " + fatJar.getFileName() + " (" + e.getMessage()
                    + "): it starts from its fat jar");
            return Launch.fatJar(runningCopy.get());
        }
    }

    /**
     * The digest of the jar's content (each entry's name, size and CRC, read from its central directory: the
     * timestamps a repackage changes do not count) and of the JVM's build, in 16 hex digits.
     */
    static String key(Path fatJar) throws IOException {
        MessageDigest digest = sha256();
        digest.update((Runtime.version() + "|" + System.getProperty("java.vm.name") + "|"
                + System.getProperty("java.home") + "\n").getBytes(StandardCharsets.UTF_8));
        try (ZipFile zip = new ZipFile(fatJar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            for (ZipEntry entry : entries) {
                digest.update((entry.getName() + "|" + entry.getSize() + "|" + entry.getCrc() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** The jar extracted into {@code dir} once ({@code -Djarmode=tools extract}); concurrent starts extract once each. */
    private static Path extracted(Path fatJar, Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        Path partial = dir.resolveSibling(dir.getFileName() + ".partial-" + UUID.randomUUID());
        Process extract = new ProcessBuilder(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar",
                fatJar.toAbsolutePath().toString(), "extract", "--destination", partial.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!extract.waitFor(5, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                deleteRecursively(partial);
                throw new IOException("extracting it failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            extract.destroyForcibly();
            throw new IOException("interrupted while extracting it", e);
        }
        try {
            Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another start extracted the same jar first (the directory is there now): use that one
            deleteRecursively(partial);
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        pruneOlderThanNewest(dir.getParent());
        return dir;
    }

    /**
     * Deletes the caches of training runs whose launcher was gone before it could keep them (killed, or a test JVM
     * that was not waited for): a training run writes its cache as it exits, so one written long ago is abandoned.
     */
    private static void deleteAbandonedTrainings(Path dir) {
        FileTime longAgo = FileTime.from(java.time.Instant.now().minus(ABANDONED_AFTER));
        try (DirectoryStream<Path> abandoned = Files.newDirectoryStream(dir, path -> path.getFileName().toString()
                .startsWith("training-") && modified(path).compareTo(longAgo) < 0)) {
            for (Path file : abandoned) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: tried again at the next training run
        }
    }

    private static Path mainJar(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IOException("no jar in " + dir));
        }
    }

    /** Keeps the newest key directories of a module: the others belong to jars long rebuilt. */
    private static void pruneOlderThanNewest(Path aotRoot) {
        List<Path> keys = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(aotRoot, path -> Files.isDirectory(path)
                && !path.getFileName().toString().contains(".partial-"))) {
            dirs.forEach(keys::add);
        } catch (IOException e) {
            return;
        }
        keys.sort(Comparator.comparing(AotCache::modified).reversed());
        keys.stream().skip(KEPT).forEach(AotCache::deleteRecursively);
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static boolean saysCreated(Path log) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains(CREATED));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover directory is ignored and pruned later
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

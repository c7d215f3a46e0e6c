package org.exchange.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.exchange.engines.LeftoverProcesses;

/**
 * One of the platform's Spring Boot applications, run from its packaged jar as a child process of the launcher,
 * with its settings given on the command line and its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The system property that turns the services' AOT cache off ({@code false}) for the starts that follow
     * (docs/adr/0029): a benchmark compares the two.
     */
    public static final String AOT_CACHE_PROPERTY = AotCache.ENABLED_PROPERTY;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final AotCache.Launch launch;
    /** Whether the service ever said it was ready: only then is a training run's cache worth keeping. */
    private volatile boolean becameReady;

    private ServiceProcess(String name, int port, Process process, Path log, AotCache.Launch launch) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.launch = launch;
    }

    /** Starts a module's jar with the JVM that runs the launcher. */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> properties, Path log) {
        return start(root, module, port, properties, log, List.of());
    }

    /**
     * Starts a module's jar with the JVM that runs the launcher, with JVM options of its own after the platform's
     * (a later option wins: {@code -XX:TieredStopAtLevel=4} gives back the C2 compiler), as benchmarks compare them.
     */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> properties, Path log,
            List<String> jvmOptions) {
        Path fatJar = jarOf(root, module);
        // on JDK 25 its AOT cache, made by its first start and reused while the jar and the JVM stay the same
        // (docs/adr/0029); else the fat jar as before
        AotCache.Launch launch = AotCache.prepare(fatJar,
                () -> runningCopy(fatJar, log.getParent().resolveSibling("jars")));
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        command.addAll(launch.jvmOptions());
        command.addAll(jvmOptions);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", launch.jar().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                // the service stops by itself if the launcher is gone without stopping it
                "--exchange.launcher.pid=" + ProcessHandle.current().pid()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            return new ServiceProcess(module, port, process, log, launch);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + module, e);
        }
    }

    /** Waits until the service reports itself ready, or fails with the end of its log. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                        + "). End of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    becameReady = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ". End of " + log + ":\n" + tail());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Whether this start is its jar's AOT training run (its cache is written when it stops). */
    public boolean trainsAotCache() {
        return launch.trains();
    }

    /** Whether this start runs with its jar's AOT cache. */
    public boolean usesAotCache() {
        return launch.jvmOptions().stream().anyMatch(option -> option.startsWith("-XX:AOTCache="));
    }

    /**
     * Asks the service to shut down gracefully, then insists. A training run is given longer: its JVM writes the AOT
     * cache as it exits, and a cache cut short is thrown away, as is the cache of a start that never became ready
     * (the JVM writes one even then, trained on a failed start).
     */
    @Override
    public void close() {
        if (!launch.trains()) {
            if (process.isAlive()) {
                LeftoverProcesses.end(process, Duration.ofSeconds(20));
            }
            return;
        }
        boolean endedByItself = true;
        if (process.isAlive()) {
            process.destroy();
            try {
                endedByItself = process.waitFor(AotCache.TRAINING_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                endedByItself = false;
            }
            if (!endedByItself) {
                LeftoverProcesses.end(process, Duration.ZERO);
            }
        }
        launch.keepTrainingResult(log, endedByItself && becameReady);
    }

    private String tail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A copy of the jar for this run: a rebuild (./mvnw package) rewrites the jar in target/, and a JVM whose jar is
     * rewritten under it fails on the next class it loads.
     */
    private static Path runningCopy(Path jar, Path dir) {
        try {
            Files.createDirectories(dir);
            Path copy = dir.resolve(jar.getFileName());
            // copied under a name of its own, then moved into place in one step: two replicas of one application
            // starting at once (GatewayReplicasIT) copied onto the same file, and one copy failed
            Path partial = Files.createTempFile(dir, jar.getFileName().toString(), ".partial");
            Files.copy(jar, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + jar + " for this run", e);
        }
    }

    static Path jarOf(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.startsWith(module + "-") && fileName.endsWith(".jar")
                        && !fileName.endsWith("-sources.jar") && !fileName.endsWith("-javadoc.jar");
            }).findFirst().orElseThrow(() -> missing(module));
        } catch (IOException e) {
            throw missing(module);
        }
    }

    private static IllegalStateException missing(String module) {
        return new IllegalStateException("No packaged jar of " + module + " under " + module
                + "/target: build first with ./mvnw -DskipTests package");
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

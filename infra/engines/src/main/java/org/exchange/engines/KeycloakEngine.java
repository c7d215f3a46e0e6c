package org.exchange.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Keycloak server (the {@code keycloak-quarkus-dist} zip from Maven Central) run as a child process in
 * development mode on 127.0.0.1, backed by PostgreSQL, with realms imported at start.
 *
 * <p>The distribution is unpacked once into a cache directory that later starts reuse. Each instance gets its own
 * small home (its {@code bin/kc.sh} and {@code data/}, the rest linked to the cache), so instances with different
 * realms can run side by side.
 */
public final class KeycloakEngine implements AutoCloseable {

    /** How to start Keycloak; {@link #defaults()} then the {@code with...} methods. Ports of 0 mean a free port. */
    public record Settings(
            int httpPort,
            int managementPort,
            List<Path> realmFiles,
            String dbUrl,
            String dbUsername,
            String dbPassword,
            String adminUsername,
            String adminPassword,
            Path logFile,
            Path cacheDir,
            Path distribution,
            Path workDir,
            Path themesDir,
            String heapOptions,
            String javaOptions,
            Duration startupTimeout) {

        public Settings {
            realmFiles = List.copyOf(realmFiles);
            Objects.requireNonNull(adminUsername, "adminUsername");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(heapOptions, "heapOptions");
            Objects.requireNonNull(javaOptions, "javaOptions");
            Objects.requireNonNull(startupTimeout, "startupTimeout");
        }

        /** Free ports, no realm, no database yet, admin/admin, default cache, a 180 s start-up timeout. */
        public static Settings defaults() {
            return new Settings(0, 0, List.of(), null, null, null, "admin", "admin", null, null, null, null, null,
                    "-Xms64m -Xmx512m", DEFAULT_JAVA_OPTIONS, Duration.ofSeconds(180));
        }

        public Settings withHttpPort(int port) {
            return new Settings(port, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        public Settings withManagementPort(int port) {
            return new Settings(httpPort, port, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** Realm JSON files to import at start; a realm that already exists in the database is left as it is. */
        public Settings withRealmFiles(List<Path> files) {
            return new Settings(httpPort, managementPort, files, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        public Settings withRealmFile(Path file) {
            List<Path> files = new ArrayList<>(realmFiles);
            files.add(file);
            return withRealmFiles(files);
        }

        /** The PostgreSQL database Keycloak keeps its state in (required). */
        public Settings withDatabase(String jdbcUrl, String username, String password) {
            return new Settings(httpPort, managementPort, realmFiles, jdbcUrl, username, password, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** The database {@code database} in {@code postgres}, created when missing. */
        public Settings withDatabase(PostgresEngine postgres, String database) {
            postgres.createDatabaseIfMissing(database);
            return withDatabase(postgres.jdbcUrl(database), postgres.username(), postgres.password());
        }

        /** The bootstrap admin of the master realm, created only when the database has no admin yet. */
        public Settings withAdmin(String username, String password) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, username,
                    password, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** Where the child's stdout and stderr go (default: {@code keycloak.log} in the instance's work directory). */
        public Settings withLogFile(Path file) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, file, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** Where the distribution is unpacked once (default {@code ${java.io.tmpdir}/exchange-keycloak-<version>}). */
        public Settings withCacheDir(Path dir) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, dir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** The distribution zip (default: the one Maven downloaded when this module was built). */
        public Settings withDistribution(Path zip) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, zip, workDir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** The instance's own home (default: a temporary directory removed on close). */
        public Settings withWorkDir(Path dir) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, dir, themesDir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /**
         * A folder of Keycloak themes (one sub-folder per theme, such as {@code infra/keycloak/themes}) that the server
         * reads as its {@code themes} directory; in development mode it reads them afresh on each page, so an edited
         * theme shows on reload. Default: none but the built-in themes.
         */
        public Settings withThemesDir(Path dir) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, dir, heapOptions,
                    javaOptions, startupTimeout);
        }

        /** JVM heap options for the server (default {@code -Xms64m -Xmx512m}). */
        public Settings withHeapOptions(String options) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, options,
                    javaOptions, startupTimeout);
        }

        /** Further options for the server JVM (default {@value KeycloakEngine#DEFAULT_JAVA_OPTIONS}). */
        public Settings withJavaOptions(String options) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    options, startupTimeout);
        }

        /** How long to wait for {@code /health/ready} (default 180 s). */
        public Settings withStartupTimeout(Duration timeout) {
            return new Settings(httpPort, managementPort, realmFiles, dbUrl, dbUsername, dbPassword, adminUsername,
                    adminPassword, logFile, cacheDir, distribution, workDir, themesDir, heapOptions,
                    javaOptions, timeout);
        }
    }

    /** JVM options appended for the server: C1 only, which starts a local server sooner. */
    public static final String DEFAULT_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1";

    private static final String PROPERTIES = "/exchange-engines.properties";
    /** In a persistent work directory: the processes of the running server, for the next start to stop if left. */
    private static final String PROCESSES_FILE = "keycloak.processes";
    private static final String UNPACKED_MARKER = ".exchange-unpacked";
    /** The build-time options passed to every start; the cache is augmented for them once (see {@link #AUGMENTED_MARKER}). */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");
    private static final String AUGMENTED_MARKER = ".exchange-augmented-" + Integer.toHexString(BUILD_OPTIONS.hashCode());
    /** Serialises cache preparation inside this JVM; a file lock does it across processes. */
    private static final ReentrantLock CACHE_LOCK = new ReentrantLock();

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Path workDir;
    private final boolean temporaryWorkDir;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeycloakEngine(Process process, int httpPort, int managementPort, Path workDir, boolean temporaryWorkDir,
            Path logFile) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.workDir = workDir;
        this.temporaryWorkDir = temporaryWorkDir;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "keycloak-engine-shutdown-" + process.pid());
    }

    /** Starts Keycloak and waits until it is ready ({@code /health/ready} on the management port answers 200). */
    public static KeycloakEngine start(Settings settings) {
        if (settings.dbUrl() == null) {
            throw new IllegalArgumentException("Keycloak needs a PostgreSQL database: Settings.withDatabase(...)");
        }
        Path zip = distribution(settings);
        Path cache = settings.cacheDir() != null ? settings.cacheDir().toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "exchange-keycloak-" + versionOf(zip));
        int httpPort = Ports.orFree(settings.httpPort());
        int managementPort;
        do {
            managementPort = Ports.orFree(settings.managementPort());
        } while (managementPort == httpPort && settings.managementPort() == 0);

        boolean temporaryWorkDir = settings.workDir() == null;
        Path workDir = temporaryWorkDir ? Dirs.createTemp("exchange-keycloak-run-")
                : Dirs.createDirectories(settings.workDir().toAbsolutePath());
        Path logFile = settings.logFile() != null ? settings.logFile().toAbsolutePath() : workDir.resolve("keycloak.log");
        if (!temporaryWorkDir) {
            // a launcher killed with SIGKILL leaves the server of its last start running here, holding its ports
            LeftoverProcesses.stop(workDir.resolve(PROCESSES_FILE));
        }
        try {
            try (CacheLock unpackLock = CacheLock.acquire(cache)) {
                unpackOnce(zip, cache);
            }
            prepareInstanceHome(cache, workDir, settings.realmFiles(), settings.themesDir());
        } catch (RuntimeException e) {
            if (temporaryWorkDir) {
                Dirs.deleteQuietly(workDir);
            }
            throw e;
        }

        List<String> command = new ArrayList<>(List.of(workDir.resolve("bin/kc.sh").toString(), "start-dev"));
        command.addAll(BUILD_OPTIONS);
        command.addAll(List.of(
                "--db-url=" + settings.dbUrl(),
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + httpPort,
                "--import-realm"));
        if (settings.dbUsername() != null) {
            command.add("--db-username=" + settings.dbUsername());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.equals("JAVA_OPTS") || name.equals("JAVA_OPTS_APPEND") || name.equals("JAVA"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", settings.heapOptions());
        if (!settings.javaOptions().isBlank()) {
            env.put("JAVA_OPTS_APPEND", settings.javaOptions());
        }
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
        if (settings.dbPassword() != null) {
            env.put("KC_DB_PASSWORD", settings.dbPassword()); // the environment, not the command line that ps shows
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.to(Dirs.createDirectories(logFile.getParent()).resolve(logFile.getFileName()).toFile()));

        // The first start after unpacking re-augments the shared distribution for BUILD_OPTIONS: only one at a time.
        CacheLock augmentLock = Files.exists(cache.resolve(AUGMENTED_MARKER)) ? null : CacheLock.acquire(cache);
        KeycloakEngine engine = null;
        try {
            if (augmentLock != null && Files.exists(cache.resolve(AUGMENTED_MARKER))) {
                augmentLock.close();
                augmentLock = null;
            }
            Process process = builder.start();
            process.getOutputStream().close();
            engine = new KeycloakEngine(process, httpPort, managementPort, workDir, temporaryWorkDir, logFile);
            Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
            engine.awaitReady(settings.startupTimeout());
            if (!temporaryWorkDir) {
                LeftoverProcesses.record(workDir.resolve(PROCESSES_FILE),
                        Stream.concat(process.toHandle().descendants(), Stream.of(process.toHandle())));
            }
            if (augmentLock != null) {
                Files.writeString(cache.resolve(AUGMENTED_MARKER), String.join(" ", BUILD_OPTIONS));
            }
            return engine;
        } catch (IOException e) {
            if (engine != null) {
                engine.close();
            }
            throw new UncheckedIOException("Keycloak did not start", e);
        } catch (RuntimeException e) {
            if (engine != null) {
                engine.close();
            } else if (temporaryWorkDir) {
                Dirs.deleteQuietly(workDir);
            }
            throw e;
        } finally {
            if (augmentLock != null) {
                augmentLock.close();
            }
        }
    }

    /** {@code http://localhost:<httpPort>}: the server's public address, which fixes its token issuers. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** {@code http://localhost:<httpPort>/realms/<realm>}, the {@code iss} of the realm's tokens. */
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** The HTTP port on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /** The management port (health, metrics) on 127.0.0.1. */
    public int managementPort() {
        return managementPort;
    }

    /** The process id of the child ({@code kc.sh}, whose own child is the server JVM). */
    public long pid() {
        return process.pid();
    }

    /** Where the server's output goes. */
    public Path logFile() {
        return logFile;
    }

    /** Stops the server and its whole process tree, then removes a temporary work directory. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs or has run
        }
        stop();
    }

    private synchronized void stop() {
        closed.set(true);
        if (process.isAlive() || process.toHandle().descendants().findAny().isPresent()) {
            stopProcessTree();
        }
        if (temporaryWorkDir) {
            Dirs.deleteQuietly(workDir);
        } else {
            LeftoverProcesses.forget(workDir.resolve(PROCESSES_FILE));
        }
    }

    @Override
    public String toString() {
        return "KeycloakEngine[" + baseUrl() + ", pid " + process.pid() + "]";
    }

    private void stopProcessTree() {
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> tree = Stream.concat(root.descendants(), Stream.of(root)).toList();
        tree.forEach(ProcessHandle::destroy); // the server JVM first: it shuts down on SIGTERM
        try {
            for (ProcessHandle handle : tree) {
                handle.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready; the end of " + logFile + ":\n" + logTail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; the end of " + logFile + ":\n"
                + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    // ---- the distribution ----

    private static Path distribution(Settings settings) {
        Path zip = settings.distribution();
        if (zip == null) {
            String configured = System.getProperty("exchange.keycloak.dist", System.getenv("EXCHANGE_KEYCLOAK_DIST"));
            zip = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(buildProperties().getProperty("keycloak.dist"));
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("no Keycloak distribution at " + zip + ": build infra/engines with Maven (it"
                    + " downloads org.keycloak:keycloak-quarkus-dist:" + buildProperties().getProperty("keycloak.version")
                    + ":zip), or point -Dexchange.keycloak.dist at the zip");
        }
        return zip.toAbsolutePath();
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakEngine.class.getResourceAsStream(PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException(PROPERTIES + " is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String versionOf(Path zip) {
        String name = zip.getFileName().toString();
        String prefix = "keycloak-quarkus-dist-";
        if (name.startsWith(prefix) && name.endsWith(".zip")) {
            return name.substring(prefix.length(), name.length() - ".zip".length());
        }
        return buildProperties().getProperty("keycloak.version", "unknown");
    }

    /** Unpacks the zip's single top-level directory into {@code cache} unless a previous start did. */
    private static void unpackOnce(Path zip, Path cache) {
        if (Files.exists(cache.resolve(UNPACKED_MARKER))) {
            return;
        }
        Path parent = Dirs.createDirectories(cache.toAbsolutePath().getParent());
        Dirs.deleteQuietly(cache); // a partial unpack from a crashed start
        Path staging = parent.resolve(cache.getFileName() + ".unpacking-" + ProcessHandle.current().pid());
        Dirs.deleteQuietly(staging);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IllegalStateException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
            }
            Path home;
            try (Stream<Path> top = Files.list(staging)) {
                List<Path> dirs = top.filter(Files::isDirectory).toList();
                home = dirs.size() == 1 ? dirs.get(0) : staging;
            }
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                for (Path script : scripts.filter(p -> p.getFileName().toString().endsWith(".sh")).toList()) {
                    makeExecutable(script);
                }
            }
            Files.move(home, cache, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(cache.resolve(UNPACKED_MARKER), zip.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + zip + " into " + cache, e);
        } finally {
            Dirs.deleteQuietly(staging);
        }
    }

    /**
     * The instance's home: its own {@code bin/kc.sh} (so that {@code kc.home.dir} is this directory) and {@code data/}
     * (with the realms to import), everything else linked to the unpacked distribution; {@code themes} to the given
     * folder of themes instead, when there is one.
     */
    private static void prepareInstanceHome(Path cache, Path home, List<Path> realmFiles, Path themesDir) {
        try {
            Path bin = Files.createDirectories(home.resolve("bin"));
            Files.copy(cache.resolve("bin/kc.sh"), bin.resolve("kc.sh"), StandardCopyOption.REPLACE_EXISTING);
            makeExecutable(bin.resolve("kc.sh"));
            for (String shared : List.of("lib", "themes", "providers", "conf")) {
                Path link = home.resolve(shared);
                if (Files.isSymbolicLink(link)) {
                    Files.delete(link);
                }
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, shared.equals("themes") && themesDir != null
                            ? themes(themesDir) : cache.resolve(shared));
                }
            }
            Path imports = home.resolve("data/import");
            Dirs.deleteQuietly(imports);
            Files.createDirectories(imports);
            for (Path realm : realmFiles) {
                if (!Files.isRegularFile(realm)) {
                    throw new IllegalArgumentException("no realm file " + realm);
                }
                Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a Keycloak home in " + home, e);
        }
    }

    private static Path themes(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no folder of Keycloak themes at " + dir);
        }
        return dir.toAbsolutePath();
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
            permissions.add(PosixFilePermission.GROUP_EXECUTE);
            permissions.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setExecutable(true, false);
        }
    }

    /** An exclusive lock on the cache, within this JVM and across processes. */
    private static final class CacheLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private CacheLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static CacheLock acquire(Path cache) {
            CACHE_LOCK.lock();
            try {
                Path file = Dirs.createDirectories(cache.toAbsolutePath().getParent()).resolve(cache.getFileName() + ".lock");
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    return new CacheLock(channel, channel.lock());
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                CACHE_LOCK.unlock();
                throw new UncheckedIOException("could not lock the Keycloak cache " + cache, e);
            } catch (RuntimeException e) {
                CACHE_LOCK.unlock();
                throw e;
            }
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel
            } finally {
                CACHE_LOCK.unlock();
            }
        }
    }
}

package org.exchange.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Engines that run as processes of their own (Keycloak, PostgreSQL) outlive a launcher killed with SIGKILL, and then
 * hold the ports and data directories the next start needs. A persistent engine writes down which processes it
 * started, identified by process id and start time (a process id alone may have been reused), and its next start
 * stops those that still run before starting afresh.
 */
public final class LeftoverProcesses {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private LeftoverProcesses() {
    }

    /** Writes down {@code processes} in {@code file} (one {@code pid startMillis} line each), replacing what was there. */
    public static void record(Path file, Stream<ProcessHandle> processes) {
        List<String> lines = processes
                .flatMap(process -> process.info().startInstant()
                        .map(started -> process.pid() + " " + started.toEpochMilli()).stream())
                .toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the processes in " + file, e);
        }
    }

    /** Forgets the processes written down in {@code file}: they were stopped as they should be. */
    public static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    /**
     * Stops the processes written down in {@code file} that still run (same id, same start time): SIGTERM first, then
     * SIGKILL for any that has not ended after a grace period. Then forgets them.
     *
     * @return how many were still running
     */
    public static int stop(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> running = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 2) {
                    continue;
                }
                stillRunning(Long.parseLong(fields[0]), Instant.ofEpochMilli(Long.parseLong(fields[1])))
                        .ifPresent(running::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (NumberFormatException e) {
            // a damaged record names nothing we could safely stop
        }
        terminate(running);
        forget(file);
        return running.size();
    }

    /**
     * Stops a PostgreSQL server left running on {@code dataDir} (its {@code postmaster.pid} names a live
     * {@code postgres} process) with a smart shutdown, or by force after a grace period.
     *
     * @return whether one was running
     */
    public static boolean stopPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> postmaster;
        try (Stream<String> lines = Files.lines(pidFile)) {
            postmaster = lines.findFirst()
                    .map(String::trim)
                    .filter(pid -> pid.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres"))
                            .orElse(false));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
        if (postmaster.isEmpty()) {
            return false;
        }
        // the backends first in the list, so that a forced stop also frees the shared memory they hold
        List<ProcessHandle> tree = Stream.concat(postmaster.get().descendants(), postmaster.stream()).toList();
        terminate(List.of(postmaster.get()), tree, GRACE);
        return true;
    }

    private static Optional<ProcessHandle> stillRunning(long pid, Instant started) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().startInstant()
                        .map(actual -> Math.abs(actual.toEpochMilli() - started.toEpochMilli()) < 1_000)
                        .orElse(false));
    }

    private static void terminate(List<ProcessHandle> processes) {
        terminate(processes, processes, GRACE);
    }

    /**
     * Ends a child process the way every engine does: asks it to end, waits up to {@code grace}, then kills it and
     * whatever it started that still runs.
     */
    public static void end(Process process, Duration grace) {
        ProcessHandle handle = process.toHandle();
        List<ProcessHandle> whole = Stream.concat(Stream.of(handle), handle.descendants()).toList();
        terminate(List.of(handle), whole, grace);
    }

    /** Asks {@code asked} to end, waits, then kills whatever of {@code whole} still runs. */
    private static void terminate(List<ProcessHandle> asked, List<ProcessHandle> whole, Duration grace) {
        asked.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (ProcessHandle process : asked) {
                long left = deadline - System.nanoTime();
                process.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            // past the grace period: by force, below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        whole.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : whole) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // nothing more we can do from here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** A JFR recording of another JVM (by its process id) while a load runs, through the JDK's own {@code jcmd}. */
final class Profile {

    private Profile() {
    }

    static void record(long pid, Path file, Duration duration, Supplier<LoadDriver.Round> load, PrintStream out) {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
        LoadDriver.Round round;
        try {
            round = load.get();
        } finally {
            jcmd(pid, "JFR.stop", "name=bench");
        }
        out.printf("[bench] profiled %d s of load on process %d: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, "
                        + "load average %s; recording in %s%n", duration.toSeconds(), pid, round.throughput(),
                round.p50Millis(), round.p99Millis(), LoadAverage.now(), file);
    }

    private static void jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.exchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.exchange.launcher.ServiceProcess;

/**
 * A service of the running platform stopped and started again with its own command line and some properties more
 * (a later {@code --name=value} wins), so that a setting is measured before and after in one run, on the same engines
 * and data. It stops by itself when the benchmark's JVM is gone, as the platform's services do.
 */
final class RestartedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;

    private RestartedService(Process process) {
        this.process = process;
    }

    static RestartedService of(ServiceProcess service, List<String> properties, Duration timeout) {
        ProcessHandle.Info info = ProcessHandle.of(service.pid()).orElseThrow().info();
        List<String> command = new ArrayList<>();
        command.add(info.command().orElseThrow());
        command.addAll(Arrays.asList(info.arguments().orElseThrow()));
        properties.forEach(property -> command.add("--" + property));
        service.close();
        Path log = service.log().resolveSibling(service.name() + "-restarted.log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + service.name() + " again", e);
        }
        RestartedService restarted = new RestartedService(process);
        URI readiness = URI.create("http://127.0.0.1:" + service.port() + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return restarted;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        restarted.close();
        throw new IllegalStateException(service.name() + " was not ready again within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

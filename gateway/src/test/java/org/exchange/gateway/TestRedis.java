package org.exchange.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for the tests of this JVM: in a container where a Docker engine answers, otherwise Debian's
 * {@code redis-server} as a child process on a free loopback port (.ci/run installs it), stopped when the JVM ends.
 */
public final class TestRedis {

    private static TestRedis shared;

    public final String host;
    public final int port;

    private TestRedis(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = DockerClientFactory.instance().isDockerAvailable() ? inContainer() : childProcess();
        }
        return shared;
    }

    private static TestRedis inContainer() {
        GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(redis::stop, "test-redis-stop"));
        return new TestRedis(redis.getHost(), redis.getMappedPort(6379));
    }

    private static TestRedis childProcess() {
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("No Docker engine and no redis-server on the PATH: install Debian's "
                    + "redis-server (.ci/run does) to run the rate limit's Redis tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "test-redis-stop"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new TestRedis("127.0.0.1", port);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server stopped at start (exit " + process.exitValue() + ")");
                }
                Thread.onSpinWait();
            }
        }
        process.destroy();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 20 s");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

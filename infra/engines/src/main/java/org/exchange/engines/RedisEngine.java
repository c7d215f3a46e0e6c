package org.exchange.engines;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Redis without Docker: Debian's {@code redis-server} as a child process on a loopback port, keeping nothing
 * on disk, stopped by {@link #close()} or when the JVM ends (and by the server itself, which exits with its parent's
 * pipe). For tests of what several gateway replicas share: sessions and rate limits.
 */
public final class RedisEngine implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisEngine(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code redis-server} from the PATH (.ci/run installs it) on a free loopback port. */
    public static RedisEngine start() {
        int port = Ports.free();
        Process process;
        try {
            process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--save", "", "--appendonly", "no", "--daemonize", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("No redis-server on the PATH: install Debian's redis-server "
                    + "(.ci/run does)", e);
        }
        RedisEngine engine = new RedisEngine(process, port);
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "redis-engine-stop"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return engine;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server stopped at start (exit " + process.exitValue() + ")");
                }
                Thread.onSpinWait();
            }
        }
        engine.close();
        throw new IllegalStateException("redis-server did not listen on port " + port + " within 20 s");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            LeftoverProcesses.end(process, Duration.ofSeconds(10));
        }
    }
}

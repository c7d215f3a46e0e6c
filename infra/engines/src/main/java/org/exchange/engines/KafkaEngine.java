package org.exchange.engines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/** A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM on 127.0.0.1. */
public final class KafkaEngine implements AutoCloseable {

    private static final String CONTROLLER_PORT_FILE = "controller.port";

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaEngine(KafkaRaftServer server, int port, Path dataDir, boolean temporary) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /**
     * Formats the storage (unless already formatted) and starts the broker.
     *
     * @param dataDirOrNull where the logs live and persist across runs; {@code null} for a temporary directory removed on close
     * @param portOr0 the client port, or 0 for a free one
     */
    public static KafkaEngine start(Path dataDirOrNull, int portOr0) {
        QuietLogs.warn("kafka", "org.apache.kafka", "state.change.logger");
        boolean temporary = dataDirOrNull == null;
        Path dir = temporary ? Dirs.createTemp("exchange-kafka-") : Dirs.createDirectories(dataDirOrNull.toAbsolutePath());
        try {
            int port = Ports.orFree(portOr0);
            int controllerPort = controllerPort(dir, port);
            Properties props = settings(dir, port, controllerPort);
            Path config = dir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "exchange-engines: single-node KRaft broker");
            }
            format(config, clusterId(dir.resolve("logs")));
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutdown(server);
                throw e;
            }
            return new KafkaEngine(server, port, dir, temporary);
        } catch (IOException e) {
            if (temporary) {
                Dirs.deleteQuietly(dir);
            }
            throw new UncheckedIOException("Kafka did not start", e);
        } catch (RuntimeException e) {
            if (temporary) {
                Dirs.deleteQuietly(dir);
            }
            throw e;
        }
    }

    /** The bootstrap servers for clients, {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The client port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Shuts the broker down, waits for it, then removes a temporary data directory. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            shutdown(server);
        } finally {
            if (temporary) {
                Dirs.deleteQuietly(dataDir);
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaEngine[" + bootstrapServers() + "]";
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** A persistent directory keeps its controller port, so the quorum's one voter keeps its address. */
    private static int controllerPort(Path dir, int brokerPort) throws IOException {
        Path file = dir.resolve(CONTROLLER_PORT_FILE);
        if (Files.isRegularFile(file)) {
            try {
                int stored = Integer.parseInt(Files.readString(file).trim());
                if (stored != brokerPort && isFree(stored)) {
                    return stored;
                }
            } catch (NumberFormatException ignored) {
                // take a new one
            }
        }
        int port;
        do {
            port = Ports.free();
        } while (port == brokerPort);
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Properties settings(Path dir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("logs").toString());
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
        p.setProperty("log.retention.hours", "168");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        return p;
    }

    /** The cluster id a persistent directory was formatted with (the format must repeat it), or a new one. */
    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(meta)) {
                properties.load(in);
            }
            String id = properties.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                return id.trim();
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** Kafka's StorageTool {@code format}; a directory already formatted is left as it is. */
    private static void format(Path config, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                    "format", "--config", config.toString(),
                    "--cluster-id", clusterId,
                    "--ignore-formatted"}, out);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (status != 0) {
            throw new IllegalStateException("Kafka storage format failed (" + status + "): " + output.toString(StandardCharsets.UTF_8));
        }
    }
}

package org.exchange.testing;

import org.testcontainers.DockerClientFactory;

/**
 * The real engines a service's tests run against, started once per test JVM and shared by every Spring context in
 * it: containers where a Docker engine answers, the same engines embedded where none does. The choice is automatic,
 * so the same test classes run, and are never skipped, either way.
 */
public interface TestEngines {

    /** A JDBC URL of a PostgreSQL database by that name, created if missing. */
    String jdbcUrl(String database);

    String databaseUsername();

    String databasePassword();

    /** The Kafka bootstrap servers. */
    String kafkaBootstrapServers();

    /** Which world these engines come from, for the test log. */
    String description();

    /** Stops the engines. */
    void close();

    /**
     * The engines of this test JVM, started on first use. Spring contexts hold a {@link Lease} on them, so that the
     * engines stop after the last context that uses them has closed (and its Kafka consumers have left), never
     * before; a JVM shutdown hook stops what no context stopped.
     */
    static TestEngines shared() {
        return Holder.current();
    }

    /** A Spring context's claim on the engines; closing the last lease stops them. */
    final class Lease implements AutoCloseable {

        private boolean open = true;

        public Lease() {
            Holder.acquire();
        }

        public TestEngines engines() {
            return Holder.current();
        }

        @Override
        public synchronized void close() {
            if (open) {
                open = false;
                Holder.release();
            }
        }
    }

    /** Starts the engines on demand and counts the contexts that use them. */
    final class Holder {

        private static TestEngines engines;
        private static int leases;

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(Holder::stopAtExit, "exchange-test-engines-stop"));
        }

        private Holder() {
        }

        static synchronized TestEngines current() {
            if (engines == null) {
                engines = start();
            }
            return engines;
        }

        static synchronized void acquire() {
            current();
            leases++;
        }

        static synchronized void release() {
            leases--;
            if (leases <= 0) {
                stop();
            }
            Holder.class.notifyAll();
        }

        /**
         * Shutdown hooks run concurrently: Spring closes its cached test contexts in hooks of its own. Give them the
         * time to close (their Kafka consumers leave the group, their pools close) before the engines go away, or a
         * consumer waits for a broker that is gone and the JVM hangs at exit.
         */
        private static void stopAtExit() {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            synchronized (Holder.class) {
                while (leases > 0 && System.nanoTime() < deadline) {
                    try {
                        Holder.class.wait(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                stop();
            }
        }

        private static synchronized void stop() {
            if (engines != null) {
                engines.close();
                engines = null;
            }
        }

        private static TestEngines start() {
            boolean docker = !Boolean.getBoolean("exchange.test.embedded") && dockerAvailable();
            TestEngines started = docker ? ContainerEngines.start() : EmbeddedEngines.start();
            System.out.println("[exchange-testing] engines: " + started.description());
            return started;
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}

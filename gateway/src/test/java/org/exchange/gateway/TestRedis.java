package org.exchange.gateway;

import org.exchange.engines.RedisEngine;
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
        RedisEngine redis = RedisEngine.start();
        return new TestRedis(redis.host(), redis.port());
    }
}

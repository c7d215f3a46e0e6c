package org.exchange.platform.fault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** One running instance of the fault-test service (a whole Spring Boot application) against the given engines. */
final class FaultTestInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private FaultTestInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** @param more further properties, as {@code name=value}, for what one test needs of the instance */
    static FaultTestInstance start(String name, String jdbcUrl, String user, String password, String kafka,
            String... more) {
        // as arguments: they must win over the platform's defaults, which builder properties do not
        List<String> arguments = new ArrayList<>(arguments(name, jdbcUrl, user, password, kafka));
        Stream.of(more).map(property -> "--" + property).forEach(arguments::add);
        return new FaultTestInstance(new SpringApplicationBuilder(FaultTestApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    /** The command-line arguments of an instance, in this JVM or in a process of its own. */
    static List<String> arguments(String name, String jdbcUrl, String user, String password, String kafka) {
        return Stream.of(
                        "spring.application.name=fault-test",
                        "fault-test.instance=" + name,
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.datasource.url=" + jdbcUrl,
                        "spring.datasource.username=" + user,
                        "spring.datasource.password=" + password,
                        "spring.flyway.locations=classpath:db/faulttest,classpath:db/platform",
                        "spring.kafka.bootstrap-servers=" + kafka,
                        // no Keycloak here: tokens are never valid, which is all the 401 check needs
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/none",
                        "exchange.outbox.resubmit-every=1s",
                        "exchange.security.public-paths=/written/**",
                        "exchange.inbox.retry.attempts=1",
                        "exchange.inbox.retry.initial-interval=100ms",
                        "logging.level.org.apache.kafka=ERROR",
                        "logging.level.kafka=ERROR",
                        "logging.level.org.springframework.kafka=ERROR")
                .map(property -> "--" + property).toList();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    FaultTestApplication.Writer writer() {
        return bean(FaultTestApplication.Writer.class);
    }

    FaultTestApplication.Effects effects() {
        return bean(FaultTestApplication.Effects.class);
    }

    JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Events the inbox received again and ignored. */
    double redeliveriesIgnored() {
        return Search.in(bean(MeterRegistry.class)).name("exchange.inbox.events").tag("outcome", "duplicate")
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double gauge(String name) {
        return bean(MeterRegistry.class).get(name).gauge().value();
    }

    /** Partitions of the fault-test topic this instance's listener holds now. */
    int assignedPartitions() {
        int assigned = 0;
        for (MessageListenerContainer container : bean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
            if (container.getAssignedPartitions() != null) {
                assigned += (int) container.getAssignedPartitions().stream()
                        .filter(partition -> partition.topic().equals(FaultTestApplication.TOPIC)).count();
            }
        }
        return assigned;
    }

    /** The effects of one test's aggregates, per aggregate in the order they took effect. */
    Map<String, List<Integer>> effectsInArrivalOrder(String prefix) {
        Map<String, List<Integer>> effects = new LinkedHashMap<>();
        jdbc().sql("select aggregate, seq from effect where aggregate like :prefix order by arrival")
                .param("prefix", prefix + "%")
                .query((rs, row) -> effects.computeIfAbsent(rs.getString(1), a -> new ArrayList<>()).add(rs.getInt(2)))
                .list();
        return effects;
    }

    long count(String sql, String prefix) {
        return jdbc().sql(sql).param("prefix", prefix + "%").query(Long.class).single();
    }

    @Override
    public void close() {
        context.close();
    }
}

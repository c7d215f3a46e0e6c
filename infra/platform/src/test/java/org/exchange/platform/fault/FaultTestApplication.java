package org.exchange.platform.fault;

import java.util.List;

import static org.exchange.platform.inbox.EventHandler.on;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.inbox.Inbox;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service of the smallest kind, on the platform starter: it writes a row and publishes its event in one transaction
 * (the outbox), and consumes its own topic through the inbox, recording each effect with the instance that had it.
 */
@SpringBootApplication
public class FaultTestApplication {

    static final String TOPIC = "faulttest.events";

    /** For the SIGKILL test, which runs this service as a process of its own. */
    public static void main(String[] args) {
        SpringApplication.run(FaultTestApplication.class, args);
    }

    /** Writes the {@code seq}-th change of an aggregate and its event, in one transaction. */
    @Component
    public static class Writer {

        private final JdbcClient jdbc;
        private final IntegrationEvents events;

        Writer(JdbcClient jdbc, IntegrationEvents events) {
            this.jdbc = jdbc;
            this.events = events;
        }

        @Transactional
        public void write(String aggregate, int seq, boolean poison) {
            jdbc.sql("insert into written (aggregate, seq) values (:aggregate, :seq)")
                    .param("aggregate", aggregate).param("seq", seq).update();
            events.publish(aggregate, new Counted(aggregate, seq, poison));
        }

        /** Writes changes {@code 1..count} of each aggregate, and their events, in one transaction. */
        @Transactional
        public void writeAll(List<String> aggregates, int count) {
            for (int seq = 1; seq <= count; seq++) {
                for (String aggregate : aggregates) {
                    write(aggregate, seq, false);
                }
            }
        }
    }

    /**
     * With {@code --fault-test.write-on-start=<prefix>:<count>}, writes that many changes (over four aggregates) as
     * soon as it runs, then says so on standard output: the SIGKILL test's victim.
     */
    @Bean
    ApplicationRunner writeOnStart(Writer writer, @Value("${fault-test.write-on-start:}") String plan) {
        return arguments -> {
            if (plan.isBlank()) {
                return;
            }
            String prefix = plan.substring(0, plan.indexOf(':'));
            int count = Integer.parseInt(plan.substring(plan.indexOf(':') + 1));
            for (int n = 0; n < count; n++) {
                writer.write(prefix + (n % 4), n / 4 + 1, false);
            }
            System.out.println("[fault-test] wrote " + count);
        };
    }

    /** Changes over HTTP need no token here: the test service has no identity provider to issue one. */
    @Bean
    @Order(0)
    SecurityFilterChain writesWithoutAToken(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/written/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** With {@code --fault-test.collect-spans=true}, every span the instance ends is kept here, for the trace test. */
    @Bean
    @ConditionalOnProperty("fault-test.collect-spans")
    InMemorySpanExporter collectedSpans() {
        return InMemorySpanExporter.create();
    }

    /**
     * Over HTTP: what has been written so far for aggregates of a prefix (a read that needs the database), and a
     * change.
     */
    @org.springframework.web.bind.annotation.RestController
    public static class WrittenApi {

        private final JdbcClient jdbc;
        private final Writer writer;

        WrittenApi(JdbcClient jdbc, Writer writer) {
            this.jdbc = jdbc;
            this.writer = writer;
        }

        /** Answers with the trace id the request's log lines carry. */
        @org.springframework.web.bind.annotation.PostMapping("/written/{aggregate}/{seq}")
        @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
        String write(@org.springframework.web.bind.annotation.PathVariable String aggregate,
                @org.springframework.web.bind.annotation.PathVariable int seq) {
            writer.write(aggregate, seq, false);
            return String.valueOf(MDC.get("traceId"));
        }

        @org.springframework.web.bind.annotation.GetMapping("/written/count")
        long count(@org.springframework.web.bind.annotation.RequestParam String prefix) {
            return jdbc.sql("select count(*) from written where aggregate like :prefix").param("prefix", prefix + "%")
                    .query(Long.class).single();
        }
    }

    /** Records each event's effect; fails on a poison event while {@link #poisonFails} is set. */
    @Component
    public static class Effects {

        final AtomicBoolean poisonFails = new AtomicBoolean(true);
        /** The trace id the log lines carried while each aggregate's last effect was recorded. */
        final Map<String, String> loggedTraceIds = new ConcurrentHashMap<>();
        private final Inbox inbox;
        private final JdbcClient jdbc;
        private final String instance;

        Effects(Inbox inbox, JdbcClient jdbc, @Value("${fault-test.instance}") String instance) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.instance = instance;
        }

        @KafkaListener(topics = TOPIC)
        void receive(ConsumerRecord<String, byte[]> record) {
            inbox.accept(record, on(Counted.class, this::apply));
        }

        private void apply(Counted counted) {
            if (counted.poison() && poisonFails.get()) {
                throw new IllegalStateException("Poison: " + counted.aggregate() + " #" + counted.seq()
                        + " cannot be handled until the fix");
            }
            jdbc.sql("insert into effect (aggregate, seq, instance) values (:aggregate, :seq, :instance)")
                    .param("aggregate", counted.aggregate()).param("seq", counted.seq())
                    .param("instance", instance).update();
            loggedTraceIds.put(counted.aggregate(), String.valueOf(MDC.get("traceId")));
        }
    }
}

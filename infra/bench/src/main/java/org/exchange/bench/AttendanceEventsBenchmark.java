package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.exchange.engines.KafkaEngine;
import org.exchange.engines.RepositoryRoot;
import org.exchange.launcher.Platform;

/**
 * Event propagation on the path against raw Kafka on the same broker, side by side in one run: it starts
 * exchange-, membership- and accreditation-service with their engines, makes its fixture through their APIs
 * ({@link AttendanceFixture}), and then, at each rate, measures in rotating rounds the attendance path
 * ({@link AttendancePath}), raw Kafka ({@link RawKafkaLatency}, records of the events' payload size) and raw Kafka
 * sent one at a time as the outbox sends, each offered the same events a second.
 */
final class AttendanceEventsBenchmark {

    static final List<String> SERVICES = List.of("membership-service", "exchange-service", "accreditation-service");
    /** The target: p99 from commit to visible, and how far above raw Kafka's p99 that may be. */
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_RATIO = 5;
    /** The mean payload of an {@code AttendanceRecorded} the platform run measured (494 bytes), for raw Kafka alone. */
    private static final int KAFKA_ONLY_VALUE_BYTES = 494;

    private final Options options;
    private final PrintStream out;

    AttendanceEventsBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * What to run.
     *
     * @param rates events offered a second, one set of rounds each
     * @param attendees members of the fixture's group: the events each request writes
     * @param meetings meetings the requests take in turn
     * @param poll how often each consumer's inbox is read (the resolution of "visible")
     * @param then properties ({@code name=value}) exchange-service, the path's publisher, is restarted with after the
     *        rounds, to measure them all again: a setting before and after in one run; none to measure once
     * @param kafkaOnly raw Kafka alone, on a broker of its own (no platform): with the services' settings, then with
     *        {@code then} over them; for a Kafka client setting's effect on the outbox's way of sending, in one run
     */
    record Options(List<Double> rates, int attendees, int meetings, int rounds, Duration round, Duration warmup,
            Duration poll, List<String> then, boolean kafkaOnly) {

        static Options parse(List<String> args) {
            List<Double> rates = List.of(500.0);
            int attendees = 50;
            int meetings = 8;
            int rounds = 2;
            Duration round = Duration.ofSeconds(20);
            Duration warmup = Duration.ofSeconds(10);
            Duration poll = Duration.ofMillis(5);
            List<String> then = new ArrayList<>();
            boolean kafkaOnly = args.contains("--kafka-only");
            List<String> pairs = args.stream().filter(arg -> !arg.equals("--kafka-only")).toList();
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                String value = pairs.get(i + 1);
                switch (pairs.get(i)) {
                    case "--rates" -> rates = Arrays.stream(value.split(",")).map(Double::valueOf).toList();
                    case "--attendees" -> attendees = Integer.parseInt(value);
                    case "--meetings" -> meetings = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--round-seconds" -> round = Duration.ofSeconds(Long.parseLong(value));
                    case "--warmup-seconds" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--poll-millis" -> poll = Duration.ofMillis(Long.parseLong(value));
                    case "--then" -> then.add(value);
                    default -> throw new IllegalArgumentException("Unknown option " + pairs.get(i));
                }
            }
            return new Options(rates, attendees, meetings, rounds, round, warmup, poll, List.copyOf(then), kafkaOnly);
        }
    }

    void run() throws IOException {
        if (options.kafkaOnly()) {
            kafkaOnly();
            return;
        }
        BenchPlatform.run(SERVICES, out, (platform, data) -> measure(platform));
    }

    /** Raw Kafka both ways, on a broker of its own, with the services' settings and then with {@code --then}. */
    private void kafkaOnly() {
        out.println("[bench] machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + Runtime.version() + ", load average " + LoadAverage.now());
        ServiceKafkaSettings services = ServiceKafkaSettings.of(RepositoryRoot.find());
        try (KafkaEngine kafka = KafkaEngine.start(null, 0)) {
            List<ServiceKafkaSettings> phases = new ArrayList<>(List.of(services));
            if (!options.then().isEmpty()) {
                phases.add(services.with(options.then()));
            }
            for (ServiceKafkaSettings settings : phases) {
                String phase = settings == services ? "the services' settings, " : String.join(" ", options.then())
                        + ", ";
                out.println("[bench] " + phase + "Kafka clients: " + settings.describe());
                try (RawKafkaLatency raw = new RawKafkaLatency(kafka.bootstrapServers(), settings, "bench.raw")) {
                    for (double rate : options.rates()) {
                        raw.measure(RawKafkaLatency.Sending.RAW, rate, options.warmup(), KAFKA_ONLY_VALUE_BYTES);
                        Map<RawKafkaLatency.Sending, List<RawKafkaLatency.Outcome>> outcomes = new LinkedHashMap<>();
                        List<RawKafkaLatency.Sending> order = new ArrayList<>(
                                List.of(RawKafkaLatency.Sending.values()));
                        for (int r = 1; r <= options.rounds(); r++) {
                            for (RawKafkaLatency.Sending sending : order) {
                                RawKafkaLatency.Outcome outcome = raw.measure(sending, rate, options.round(),
                                        KAFKA_ONLY_VALUE_BYTES);
                                print(String.format("%sround %d at %.0f records/s", phase, r, rate), outcome);
                                outcomes.computeIfAbsent(sending, s -> new ArrayList<>()).add(outcome);
                            }
                            Collections.rotate(order, -1);
                        }
                        outcomes.forEach((sending, all) -> out.printf("[bench] %sall %d rounds at %.0f records/s, "
                                        + "%s: due to read %s, %.0f records/s read%n", phase, options.rounds(), rate,
                                sending.label, nanos(merged(all)),
                                all.stream().mapToDouble(RawKafkaLatency.Outcome::perSecond).average().orElse(0)));
                    }
                }
            }
        }
    }

    private void measure(Platform platform) {
        ServiceKafkaSettings kafka = ServiceKafkaSettings.of(platform.settings().root());
        out.println("[bench] Kafka clients as the services set them: " + kafka.describe());
        AttendanceFixture fixture = AttendanceFixture.create(platform.settings(), options.attendees(),
                options.meetings(), out);
        String broker = platform.kafka().bootstrapServers();
        try (AttendancePath path = new AttendancePath(fixture, platform.postgres(), broker, kafka, options.poll(), out);
                RawKafkaLatency raw = new RawKafkaLatency(broker, kafka, "bench.raw-latency")) {
            path.recordFirst();
            atEveryRate(path, raw, options.then().isEmpty() ? "" : "before, ");
            if (!options.then().isEmpty()) {
                ServiceKafkaSettings after = kafka.with(options.then());
                try (RestartedService restarted = RestartedService.of(platform.services().get("exchange-service"),
                        options.then(), Duration.ofMinutes(8));
                        RawKafkaLatency rawAfter = new RawKafkaLatency(broker, after, "bench.raw-latency")) {
                    out.printf("[bench] exchange-service restarted with %s; load average %s%n", options.then(),
                            LoadAverage.now());
                    out.println("[bench] Kafka clients of the raw baseline from now: " + after.describe());
                    atEveryRate(path, rawAfter, "after " + String.join(" ", options.then()) + ", ");
                }
            }
            out.println("[bench] inbox polls made: " + path.polls());
        }
    }

    private void atEveryRate(AttendancePath path, RawKafkaLatency raw, String phase) {
        for (double rate : options.rates()) {
            PropagationFigures warm = path.measure(rate, options.warmup());
            warm.print(String.format("%swarm-up at %.0f events/s", phase, rate), out);
            int valueBytes = (int) Math.round(warm.meanValueBytes());
            raw.measure(RawKafkaLatency.Sending.RAW, rate, options.warmup(), valueBytes);
            rounds(path, raw, rate, valueBytes, phase);
        }
    }

    private void rounds(AttendancePath path, RawKafkaLatency raw, double rate, int valueBytes, String phase) {
        List<PropagationFigures> attendance = new ArrayList<>();
        Map<RawKafkaLatency.Sending, List<RawKafkaLatency.Outcome>> kafka = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(List.of("attendance", "raw", "one-at-a-time"));
        for (int r = 1; r <= options.rounds(); r++) {
            for (String target : order) {
                String label = String.format("%sround %d at %.0f events/s", phase, r, rate);
                if (target.equals("attendance")) {
                    PropagationFigures figures = path.measure(rate, options.round());
                    figures.print(label + ", attendance", out);
                    attendance.add(figures);
                } else {
                    RawKafkaLatency.Sending sending = target.equals("raw") ? RawKafkaLatency.Sending.RAW
                            : RawKafkaLatency.Sending.ONE_AT_A_TIME;
                    RawKafkaLatency.Outcome outcome = raw.measure(sending, rate, options.round(), valueBytes);
                    print(label, outcome);
                    kafka.computeIfAbsent(sending, s -> new ArrayList<>()).add(outcome);
                }
            }
            Collections.rotate(order, -1);
        }
        PropagationFigures all = PropagationFigures.merge(attendance);
        all.print(String.format("%sall %d rounds at %.0f events/s, attendance", phase, options.rounds(), rate), out);
        Histogram rawLatency = merged(kafka.get(RawKafkaLatency.Sending.RAW));
        for (RawKafkaLatency.Sending sending : kafka.keySet()) {
            out.printf("[bench] %sall %d rounds at %.0f events/s, %s: due to read %s, %d of %d read%n", phase,
                    options.rounds(), rate, sending.label, nanos(merged(kafka.get(sending))),
                    kafka.get(sending).stream().mapToLong(RawKafkaLatency.Outcome::received).sum(),
                    kafka.get(sending).stream().mapToLong(RawKafkaLatency.Outcome::sent).sum());
        }
        double rawP99 = rawLatency.getValueAtPercentile(99) / 1e6;
        for (PropagationFigures.Consumer consumer : all.consumers().values()) {
            double p99 = consumer.fromCommit().getValueAtPercentile(99) / 1e3;
            out.printf("[bench] %sside by side at %.0f events/s: attendance to %s commit to visible p50 %.2f ms, "
                            + "p99 %.2f ms | raw Kafka p50 %.2f ms, p99 %.2f ms | ratio of p99 %.1fx "
                            + "(target <= %.0f ms and <= %.0fx: %s)%n", phase, rate, consumer.name(),
                    consumer.fromCommit().getValueAtPercentile(50) / 1e3, p99,
                    rawLatency.getValueAtPercentile(50) / 1e6, rawP99, p99 / rawP99, TARGET_P99_MILLIS, TARGET_RATIO,
                    p99 <= TARGET_P99_MILLIS && p99 / rawP99 <= TARGET_RATIO ? "met" : "missed");
        }
    }

    private void print(String label, RawKafkaLatency.Outcome outcome) {
        out.printf("[bench] %s, %s: due to read %s; %d of %d read, %.0f records/s; load average %s%n", label,
                outcome.sending().label, nanos(outcome.fromDue()), outcome.received(), outcome.sent(),
                outcome.perSecond(), LoadAverage.now());
    }

    private static Histogram merged(List<RawKafkaLatency.Outcome> outcomes) {
        Histogram all = outcomes.getFirst().fromDue().copy();
        outcomes.subList(1, outcomes.size()).forEach(outcome -> all.add(outcome.fromDue()));
        return all;
    }

    private static String nanos(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return "none";
        }
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms", nanos.getValueAtPercentile(50) / 1e6,
                nanos.getValueAtPercentile(99) / 1e6, nanos.getMaxValue() / 1e6);
    }
}

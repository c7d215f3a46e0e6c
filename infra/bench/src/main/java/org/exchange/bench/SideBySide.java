package org.exchange.bench;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * One scenario run against several targets in one process, in alternating rounds, so that whatever else the machine
 * does at the time weighs on every target alike: round 1 runs the targets in order, round 2 starts with the second,
 * and so on, so that each target takes each place in turn.
 * Every figure is printed as a {@code [bench]} line, and each target's throughput and latencies as a ratio to the
 * first target's (the baseline), per round and over all rounds.
 *
 * @param scenario what is measured, as it appears in the printed lines
 * @param expectedStatus the answer that counts as a success
 * @param load how the load is offered: callers at once, each on its own connection, or a fixed rate
 * @param warmup load sent to every target before the measured rounds (not reported)
 * @param round how long each measured round lasts
 * @param rounds measured rounds per target
 */
record SideBySide(String scenario, int expectedStatus, LoadDriver.Load load, Duration warmup, Duration round,
        int rounds) {

    /** A place to send the scenario's request: its name and the request itself, made afresh for every call. */
    record Target(String name, Supplier<HttpRequest> request) {
    }

    /** Each target's rounds merged, with its ratio to the baseline: what the run says in the end. */
    record Outcome(String target, double throughput, double p50Millis, double p99Millis, long errors,
            double throughputRatio, double addedP50Millis, double addedP99Millis) {
    }

    List<Outcome> run(List<Target> targets, PrintStream out) {
        if (!warmup.isZero()) {
            for (Target target : targets) {
                LoadDriver.run(target.request(), expectedStatus, load, warmup);
            }
        }
        Map<String, List<LoadDriver.Round>> byTarget = new LinkedHashMap<>();
        targets.forEach(target -> byTarget.put(target.name(), new ArrayList<>()));
        for (int r = 1; r <= rounds; r++) {
            List<Target> order = new ArrayList<>(targets);
            java.util.Collections.rotate(order, -(r - 1));
            for (Target target : order) {
                LoadDriver.Round measured = LoadDriver.run(target.request(), expectedStatus, load, round);
                byTarget.get(target.name()).add(measured);
                out.printf("[bench] %s, %s, round %d, %s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms, "
                                + "%d errors, load average %s%n", scenario, load.label(), r, target.name(),
                        measured.throughput(), measured.p50Millis(), measured.p99Millis(), measured.errors(),
                        LoadAverage.now());
            }
            LoadDriver.Round base = byTarget.get(targets.getFirst().name()).getLast();
            for (Target target : targets.subList(1, targets.size())) {
                LoadDriver.Round other = byTarget.get(target.name()).getLast();
                out.printf("[bench] %s, %s, round %d, %s / %s: %.2fx throughput%n", scenario,
                        load.label(), r, target.name(), targets.getFirst().name(),
                        other.throughput() / base.throughput());
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        Merged baseline = Merged.of(byTarget.get(targets.getFirst().name()));
        for (Target target : targets) {
            Merged merged = Merged.of(byTarget.get(target.name()));
            Outcome outcome = new Outcome(target.name(), merged.throughput(), merged.percentileMillis(50),
                    merged.percentileMillis(99), merged.errors(), merged.throughput() / baseline.throughput(),
                    merged.percentileMillis(50) - baseline.percentileMillis(50),
                    merged.percentileMillis(99) - baseline.percentileMillis(99));
            outcomes.add(outcome);
            out.printf("[bench] %s, %s, %d rounds of %d s, %s: %.0f requests/s (%.2fx %s), "
                            + "p50 %.2f ms (%+.2f ms), p99 %.2f ms (%+.2f ms), %d errors%n", scenario, load.label(),
                    rounds, round.toSeconds(), target.name(), outcome.throughput(), outcome.throughputRatio(),
                    targets.getFirst().name(), outcome.p50Millis(), outcome.addedP50Millis(), outcome.p99Millis(),
                    outcome.addedP99Millis(), outcome.errors());
        }
        return outcomes;
    }

    /** A target's rounds taken together. */
    private record Merged(Histogram latencies, long errors, double seconds) {

        static Merged of(List<LoadDriver.Round> rounds) {
            Histogram all = rounds.getFirst().latencies().copy();
            rounds.subList(1, rounds.size()).forEach(round -> all.add(round.latencies()));
            return new Merged(all, rounds.stream().mapToLong(LoadDriver.Round::errors).sum(),
                    rounds.stream().mapToDouble(round -> round.took().toNanos() / 1e9).sum());
        }

        double throughput() {
            return latencies.getTotalCount() / seconds;
        }

        double percentileMillis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }
}

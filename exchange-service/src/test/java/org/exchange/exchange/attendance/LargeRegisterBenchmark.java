package org.exchange.exchange.attendance;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Time and statements of correcting a 50-line register (every line changes), through MockMvc on the test engines'
 * PostgreSQL: the request's whole work, security and JSON included. Not part of the build (the name does not end in
 * Test); run it on purpose with {@code ./mvnw -B -o -pl exchange-service test -Dtest=LargeRegisterBenchmark} and read
 * {@code exchange-service/target/large-register.txt}. It uses the fixture of the test it extends, not its test.
 */
class LargeRegisterBenchmark extends LargeRegisterTest {

    static final int WARM_UP = 15;
    static final int RUNS = 40;

    /** Not run here: the statements it prepares on the server before the log opens would show by name only. */
    @Override
    void correctingAWholeRegisterChangesEveryLineOnceAndRepeatingItChangesNothing() {
    }

    @Test
    void correctingAFiftyLineRegister() throws Exception {
        List<Long> millis = new ArrayList<>();
        List<String> report = new ArrayList<>();
        // open from the start, so that it sees the statements parsed (and named) on the server during the warm-up
        try (StatementLog log = new StatementLog()) {
            register(60, null).andExpect(status().isOk());
            for (int i = 0; i < WARM_UP; i++) {
                register(i % 2 == 0 ? 61 : 60, "warm-up").andExpect(status().isOk());
            }
            log.clear();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                register(i % 2 == 0 ? 61 : 60, "measured").andExpect(status().isOk());
                millis.add((System.nanoTime() - start) / 1_000);
            }
            report.add("Correcting a %d-line register, every line changed: %d runs after %d warm-up"
                    .formatted(MEMBERS, RUNS, WARM_UP));
            List<Long> sorted = millis.stream().sorted().toList();
            report.add("request time (ms): min %.1f, median %.1f, p90 %.1f, max %.1f".formatted(sorted.get(0) / 1e3,
                    sorted.get(RUNS / 2) / 1e3, sorted.get(RUNS * 9 / 10) / 1e3, sorted.get(RUNS - 1) / 1e3));
            report.add("statements per request: %.1f".formatted(log.count() / (double) RUNS));
            report.add("per request, by statement (count, ms from execute to its command status):");
            for (Map.Entry<String, long[]> kind : log.byKind().entrySet()) {
                report.add("  %6.1f  %7.2f ms  %s".formatted(kind.getValue()[0] / (double) RUNS,
                        kind.getValue()[1] / 1e6 / RUNS, kind.getKey()));
            }
        }
        Path out = Path.of("target", "large-register.txt");
        Files.write(out, report);
        report.forEach(System.out::println);
    }
}

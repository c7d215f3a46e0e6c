package org.exchange.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Recorder;

/**
 * A closed-loop HTTP load: a fixed number of callers, each on its own connection, sending the next request as soon as
 * the last one answered, for a fixed time. Every answer's latency goes into an HdrHistogram.
 */
final class LoadDriver {

    private static final long HIGHEST_NANOS = Duration.ofMinutes(1).toNanos();

    private LoadDriver() {
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param request the next request to send (called once per request: a token may change between rounds)
     * @param expectedStatus the answer that counts as a success; any other is counted as an error
     */
    static Round run(Supplier<HttpRequest> request, int expectedStatus, int concurrency, Duration duration) {
        // one client per round: a fresh pool, so that a round never inherits the connections of the one before
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
            AtomicLong errors = new AtomicLong();
            long startNanos = System.nanoTime();
            long endNanos = startNanos + duration.toNanos();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                callers.add(Thread.ofPlatform().name("bench-caller-" + i).start(() -> {
                    while (System.nanoTime() < endNanos) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request.get(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != expectedStatus) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        recorder.recordValue(Math.min(System.nanoTime() - sent, HIGHEST_NANOS));
                    }
                }));
            }
            for (Thread caller : callers) {
                try {
                    caller.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while the load ran", e);
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            return new Round(recorder.getIntervalHistogram(), errors.get(), took);
        }
    }

    /** What one round measured. */
    record Round(org.HdrHistogram.Histogram latencies, long errors, Duration took) {

        long requests() {
            return latencies.getTotalCount();
        }

        double throughput() {
            return requests() / (took.toNanos() / 1e9);
        }

        double p50Millis() {
            return latencies.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return latencies.getValueAtPercentile(99) / 1e6;
        }
    }
}

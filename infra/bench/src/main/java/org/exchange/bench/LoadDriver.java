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
 * An HTTP load for a fixed time, offered in one of two ways ({@link Load}): closed loop, a fixed number of callers,
 * each on its own connection, sending the next request as soon as the last one answered; or open loop, requests sent
 * at a fixed rate whatever the answers do. Every answer's latency goes into an HdrHistogram.
 */
final class LoadDriver {

    /**
     * How a load is offered.
     *
     * @param connections callers at once in a closed loop (when {@code rate} is 0)
     * @param rate requests per second sent on a fixed schedule (open loop), or 0
     */
    record Load(int connections, double rate) {

        Load {
            if (rate > 0 ? connections != 0 : connections < 1) {
                throw new IllegalArgumentException("A load is either connections (>= 1) or a rate (> 0)");
            }
        }

        static Load closed(int connections) {
            return new Load(connections, 0);
        }

        static Load paced(double rate) {
            return new Load(0, rate);
        }

        /** As the printed figures name it. */
        String label() {
            return rate > 0 ? "%.0f requests/s offered".formatted(rate) : connections + " connections";
        }
    }

    private static final long HIGHEST_NANOS = Duration.ofMinutes(1).toNanos();

    private LoadDriver() {
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param request the next request to send (called once per request: a token may change between rounds)
     * @param expectedStatus the answer that counts as a success; any other is counted as an error
     */
    static Round run(Supplier<HttpRequest> request, int expectedStatus, Load load, Duration duration) {
        return load.rate() > 0 ? paced(request, expectedStatus, load.rate(), duration)
                : run(request, expectedStatus, load.connections(), duration);
    }

    /**
     * Runs a closed-loop load and returns what it measured.
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

    /**
     * An open-loop load ({@link OpenLoop}): request {@code i} is due at {@code start + i / rate} and sent then, on a
     * virtual thread of its own, whether or not the earlier ones were answered (the client opens connections as it
     * needs them). A latency counts from when the request was due, not from when it could be sent, so that a stalled
     * target is not measured as if it had been asked less (coordinated omission).
     */
    static Round paced(Supplier<HttpRequest> request, int expectedStatus, double rate, Duration duration) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
            AtomicLong errors = new AtomicLong();
            Duration interval = OpenLoop.interval(rate);
            int count = (int) Math.ceil(duration.toNanos() / (double) interval.toNanos());
            OpenLoop.run(interval, count, due -> {
                try {
                    if (client.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode()
                            != expectedStatus) {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    errors.incrementAndGet();
                }
                recorder.recordValue(Math.min(System.nanoTime() - due.nanos(), HIGHEST_NANOS));
            });
            // the schedule's length, not the last answer's: the throughput is what was offered and answered
            return new Round(recorder.getIntervalHistogram(), errors.get(), duration);
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

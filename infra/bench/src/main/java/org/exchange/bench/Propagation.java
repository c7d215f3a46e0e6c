package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Event propagation, one change at a time: the practitioner's newsletter consent changed in membership-service
 * ({@code PUT /api/membership/me/profile}, which commits a {@code PractitionerProfileUpdated} event to its outbox) until
 * notification-service's read model fed by that event shows it ({@code GET /api/notifications/preferences}, the
 * NEWSLETTER e-mail choice), polled back to back. The time counted runs from the change's answer (committed) to the
 * first poll that sees it, so it is known to within one poll, whose mean is printed beside the figures.
 *
 * @param profile membership-service's profile address
 * @param preferences notification-service's preferences address
 * @param token the practitioner's current access token
 * @param patience how long one change may take to be seen before the run fails
 */
record Propagation(URI profile, URI preferences, Supplier<String> token, Duration patience) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run measured: change to visible, and the change's own answer, in nanoseconds. */
    record Outcome(Histogram visible, Histogram committed, double meanPollMillis) {
    }

    Outcome measure(int warmup, int events, PrintStream out) {
        Histogram visible = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        Histogram committed = new Histogram(Duration.ofMinutes(1).toNanos(), 3);
        long polls = 0;
        long pollingNanos = 0;
        boolean consent = newsletter();
        for (int i = 0; i < warmup + events; i++) {
            consent = !consent;
            long sent = System.nanoTime();
            change(consent);
            long answered = System.nanoTime();
            long deadline = answered + patience.toNanos();
            int seen = 1;
            while (newsletter() != consent) {
                seen++;
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Change " + (i + 1) + " was not seen within " + patience);
                }
            }
            long shown = System.nanoTime();
            if (i >= warmup) {
                visible.recordValue(shown - answered);
                committed.recordValue(answered - sent);
                polls += seen;
                pollingNanos += shown - answered;
            }
        }
        Outcome outcome = new Outcome(visible, committed, polls == 0 ? 0 : pollingNanos / 1e6 / polls);
        out.printf("[bench] event propagation, %d changes one at a time after %d warm-up: change to visible p50 %.2f ms, "
                        + "p90 %.2f ms, p99 %.2f ms, max %.2f ms (seen to within one poll, %.2f ms on average); "
                        + "the change's own answer p50 %.2f ms, p99 %.2f ms; load average %s%n", events, warmup,
                millis(visible, 50), millis(visible, 90), millis(visible, 99), visible.getMaxValue() / 1e6,
                outcome.meanPollMillis(), millis(committed, 50), millis(committed, 99), LoadAverage.now());
        return outcome;
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private void change(boolean newsletterConsent) {
        String body = "{\"jobRole\":\"Teacher\",\"newsletterConsent\":" + newsletterConsent
                + ",\"nameOnOutcomesConsent\":false}";
        send(HttpRequest.newBuilder(profile).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private boolean newsletter() {
        for (JsonNode choice : JSON.readTree(send(HttpRequest.newBuilder(preferences).GET())).get("categories")) {
            if (choice.get("category").asString().equals("NEWSLETTER")) {
                return choice.get("email").asBoolean();
            }
        }
        throw new IllegalStateException(preferences + " named no NEWSLETTER choice");
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token.get()).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

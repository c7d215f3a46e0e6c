package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.exchange.launcher.PlatformSettings;

/**
 * Event propagation across contexts on the local platform: it starts membership-service and notification-service
 * with their engines on free ports, creates the demo practitioner's profile by their first call, and measures
 * {@link Propagation} with their token, directly at the services (no gateway in the way).
 */
final class EventPropagationBenchmark {

    private final Options options;
    private final PrintStream out;

    EventPropagationBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** How many changes to measure, after how many unmeasured ones. */
    record Options(int events, int warmup) {

        static Options parse(List<String> args) {
            int events = 200;
            int warmup = 20;
            for (int i = 0; i + 1 < args.size(); i += 2) {
                switch (args.get(i)) {
                    case "--events" -> events = Integer.parseInt(args.get(i + 1));
                    case "--warmup" -> warmup = Integer.parseInt(args.get(i + 1));
                    default -> throw new IllegalArgumentException("Unknown option " + args.get(i));
                }
            }
            return new Options(events, warmup);
        }
    }

    void run() throws IOException {
        BenchPlatform.run(List.of("membership-service", "notification-service"), out, (platform, data) -> {
            PlatformSettings settings = platform.settings();
            GatewayBenchmark.Tokens tokens = new GatewayBenchmark.Tokens(settings.issuer());
            String membership = "http://127.0.0.1:" + settings.servicePorts().get("membership-service");
            String notification = "http://127.0.0.1:" + settings.servicePorts().get("notification-service");
            // the practitioner's profile is created by their first call
            GatewayBenchmark.Http.get(membership + "/api/membership/me", tokens.current());
            new Propagation(URI.create(membership + "/api/membership/me/profile"),
                    URI.create(notification + "/api/notifications/preferences"), tokens::current,
                    Duration.ofSeconds(30)).measure(options.warmup(), options.events(), out);
        });
    }
}

package org.exchange.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmarks' command line (docs/performance.md):
 * <pre>
 *   gateway [--connections 16,2|none] [--rates 100|none] [--rounds 4] [--round-seconds 10] [--warmup-seconds 10]
 *           [--baseline-gateway DIR] [--c2-gateway] [--profile FILE.jfr] [--profile-seconds 30]
 *   events [--events 200] [--warmup 20]
 *   attendance-events [--rates 500] [--attendees 50] [--meetings 8] [--rounds 2] [--round-seconds 20]
 *                     [--warmup-seconds 10] [--poll-millis 5] [--then NAME=VALUE] [--kafka-only]
 *   national [--scale 0.01] [--seed 15] [--as-of YYYY-MM-DD] [--connections 4] [--warmup-seconds 5]
 *            [--round-seconds 10]
 *   national-data [--scale 0.01] [--seed 15] [--as-of YYYY-MM-DD] [--postgres 127.0.0.1:15432]
 *   national-public [--exchange http://127.0.0.1:8082] [--connections 4] [--warmup-seconds 5] [--round-seconds 10]
 *   startup [--rounds 2] [--platform-starts 1] [--connections 4] [--load-seconds 10] [--settle-seconds 5]
 *   jfr-top FILE.jfr [N]
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "gateway" -> new GatewayBenchmark(GatewayBenchmark.Options.parse(rest), System.out).run();
            case "events" -> new EventPropagationBenchmark(EventPropagationBenchmark.Options.parse(rest), System.out)
                    .run();
            case "attendance-events" -> new AttendanceEventsBenchmark(
                    AttendanceEventsBenchmark.Options.parse(rest), System.out).run();
            case "national" -> new NationalBenchmark(NationalBenchmark.Options.parse(rest), System.out).run();
            case "national-data" -> new NationalBenchmark(NationalBenchmark.Options.parse(rest), System.out)
                    .generateIntoRunningPlatform();
            case "national-public" -> {
                NationalBenchmark.Options options = NationalBenchmark.Options.parse(rest);
                new NationalBenchmark(options, System.out).measurePublicQueries(options.exchange());
            }
            case "startup" -> new StartupBenchmark(StartupBenchmark.Options.parse(rest), System.out).run();
            case "jfr-top" -> JfrTopFrames.print(Path.of(rest.getFirst()),
                    rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 25, System.out);
            default -> {
                System.err.println("Benchmarks: gateway [options] | events [options] | "
                        + "attendance-events [options] | national [options] | national-data [options] | "
                        + "national-public [options] | startup [options] | jfr-top FILE.jfr [N] "
                        + "(see docs/performance.md)");
                System.exit(2);
            }
        }
    }
}

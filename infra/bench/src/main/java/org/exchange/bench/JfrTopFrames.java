package org.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went: the methods on top of the stack (self time), the share of samples with
 * each named concern anywhere on the stack (inclusive), and the process's CPU use, to tell work from waiting.
 */
final class JfrTopFrames {

    /** The concerns the issue named, by the packages and classes that do them. */
    static final Map<String, Pattern> CONCERNS = concerns();

    /**
     * The library doing the work in a sample: the first of these to match the innermost frame that is neither the JDK
     * nor Reactor's own operators (every concern runs through those). Unlike the inclusive shares, a filter that wraps
     * the rest of the chain (a circuit breaker, the bearer-token filter) is not charged for what runs beneath it.
     */
    static final Map<String, Pattern> LIBRARIES = libraries();

    private static final Pattern JDK_OR_REACTOR =
            Pattern.compile("^(java\\.|javax\\.|jdk\\.|sun\\.|reactor\\.core\\.|reactor\\.util\\.)");

    private JfrTopFrames() {
    }

    private static Map<String, Pattern> libraries() {
        Map<String, Pattern> libraries = new LinkedHashMap<>();
        libraries.put("JWT (Nimbus, oauth2-jose, resource server)",
                Pattern.compile("^(com\\.nimbusds\\.|org\\.springframework\\.security\\.oauth2\\.(jwt|server)\\.)"));
        libraries.put("Resilience4j", Pattern.compile(
                "^(io\\.github\\.resilience4j\\.|org\\.springframework\\.cloud\\.circuitbreaker\\.)"));
        libraries.put("Micrometer observation and OpenTelemetry", Pattern.compile(
                "^(io\\.micrometer\\.|io\\.opentelemetry\\.|org\\.springframework\\.boot\\.micrometer\\.)"));
        libraries.put("Spring Security", Pattern.compile("^org\\.springframework\\.security\\."));
        libraries.put("route matching", CONCERNS.get("route matching (Spring Cloud Gateway predicates, path patterns)"));
        libraries.put("gateway filters (Spring Cloud Gateway)",
                Pattern.compile("^org\\.springframework\\.cloud\\.gateway\\.filter\\."));
        libraries.put("rate limit", CONCERNS.get("rate limit"));
        libraries.put("the platform's own code", Pattern.compile("^org\\.exchange\\."));
        libraries.put("Spring web (WebFlux, MVC, HTTP)", Pattern.compile("^org\\.springframework\\.(web|http)\\."));
        libraries.put("servlet container (Tomcat)", Pattern.compile("^org\\.apache\\.(catalina|coyote|tomcat)\\."));
        libraries.put("JDBC and the PostgreSQL driver",
                Pattern.compile("^(org\\.postgresql\\.|com\\.zaxxer\\.|org\\.springframework\\.jdbc\\.)"));
        libraries.put("JSON (Jackson)", CONCERNS.get("JSON (Jackson)"));
        libraries.put("logging", Pattern.compile("^(ch\\.qos\\.logback\\.|org\\.slf4j\\.)"));
        libraries.put("Netty and Reactor Netty", CONCERNS.get("Netty and Reactor Netty I/O"));
        libraries.put("other Spring", Pattern.compile("^org\\.springframework\\."));
        return libraries;
    }

    /** The library of a sample's innermost frame outside the JDK and Reactor, or that frame's top package. */
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (JDK_OR_REACTOR.matcher(type).find()) {
                continue;
            }
            return LIBRARIES.entrySet().stream().filter(library -> library.getValue().matcher(type).find())
                    .map(Map.Entry::getKey).findFirst()
                    .orElse("other: " + type.replaceFirst("^([^.]+\\.[^.]+).*", "$1"));
        }
        return "the JDK and Reactor alone";
    }

    private static Map<String, Pattern> concerns() {
        Map<String, Pattern> concerns = new LinkedHashMap<>();
        concerns.put("JWT validation (Nimbus, Spring Security oauth2-jose)",
                Pattern.compile("^(com\\.nimbusds\\.|org\\.springframework\\.security\\.oauth2\\.(jwt|server)\\.)"));
        concerns.put("RSA and other crypto (JDK)", Pattern.compile("^(sun\\.security\\.|java\\.security\\.|"
                + "javax\\.crypto\\.|java\\.math\\.BigInteger)"));
        concerns.put("Resilience4j (circuit breaker, bulkhead, time limiter)",
                Pattern.compile("^(io\\.github\\.resilience4j\\.|org\\.springframework\\.cloud\\.circuitbreaker\\.)"));
        concerns.put("Micrometer observation and tracing", Pattern.compile("^(io\\.micrometer\\.|brave\\.|"
                + "io\\.opentelemetry\\.)"));
        concerns.put("rate limit", Pattern.compile("^org\\.exchange\\.gateway\\.ratelimit\\."));
        concerns.put("Retry filter", Pattern.compile("RetryGatewayFilterFactory|reactor\\.util\\.retry\\."));
        concerns.put("Spring Security web filters", Pattern.compile("^org\\.springframework\\.security\\.web\\."));
        concerns.put("web session store (Spring WebFlux, Spring Session)",
                Pattern.compile("^org\\.springframework\\.(web\\.server\\.session|session)\\."));
        concerns.put("route matching (Spring Cloud Gateway predicates, path patterns)",
                Pattern.compile("^org\\.springframework\\.(cloud\\.gateway\\.(handler|support)\\.|web\\.util\\.pattern\\.)"));
        concerns.put("Netty and Reactor Netty I/O", Pattern.compile("^(io\\.netty\\.|reactor\\.netty\\.)"));
        concerns.put("logging", Pattern.compile("^(ch\\.qos\\.logback\\.|org\\.slf4j\\.|org\\.apache\\.logging\\.)"));
        concerns.put("JSON (Jackson)", Pattern.compile("^(tools\\.jackson\\.|com\\.fasterxml\\.jackson\\.)"));
        return concerns;
    }

    static void print(Path recording, int top, PrintStream out) {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> monitors = new HashMap<>();
        long monitorNanos = 0;
        int samples = 0;
        double cpu = 0;
        int cpuEvents = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.CPULoad")) {
                    cpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    cpuEvents++;
                }
                if (type.equals("jdk.JavaMonitorEnter")) {
                    monitors.merge(event.getClass("monitorClass") == null ? "?"
                            : event.getClass("monitorClass").getName(), 1, Integer::sum);
                    monitorNanos += event.getDuration().toNanos();
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack.getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.getFirst()), 1, Integer::sum);
                }
                byLibrary.merge(library(frames), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame);
                    CONCERNS.forEach((concern, pattern) -> {
                        if (pattern.matcher(method).find()) {
                            seen.add(concern);
                        }
                    });
                }
                seen.forEach(concern -> inclusive.merge(concern, 1, Integer::sum));
                String thread = event.getThread("sampledThread") == null ? "?"
                        : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int total = Math.max(samples, 1);
        out.printf("[bench] JFR %s: %d execution samples; the process used %.2f of the machine's %d cores on "
                        + "average%n", recording.getFileName(), samples,
                cpuEvents == 0 ? Double.NaN : cpu / cpuEvents * Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors());
        out.println("[bench] JFR concerns anywhere on the stack (inclusive):");
        CONCERNS.keySet().forEach(concern -> out.printf("[bench]   %5.1f%%  %s%n",
                100.0 * inclusive.getOrDefault(concern, 0) / total, concern));
        out.println("[bench] JFR samples by library (the innermost frame outside the JDK and Reactor):");
        byLibrary.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(16)
                .forEach(e -> out.printf("[bench]   %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        out.println("[bench] JFR top frames (self):");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.printf("[bench]   %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        out.println("[bench] JFR samples by thread:");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.printf("[bench]   %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        // threads waiting for each other rather than working: what half a core used while throughput stalls hides
        out.printf("[bench] JFR contended monitors: %d waits, %.0f ms in all%n", monitors.values().stream()
                .mapToInt(Integer::intValue).sum(), monitorNanos / 1e6);
        monitors.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(e -> out.printf("[bench]   %5d  %s%n", e.getValue(), e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}

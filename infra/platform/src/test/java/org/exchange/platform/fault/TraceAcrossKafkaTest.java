package org.exchange.platform.fault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.exchange.contracts.CloudEventHeaders;
import org.exchange.contracts.EventTypes;
import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace across the hop through Kafka: an HTTP request into a service commits a change and its event, the outbox
 * publishes the event later on its own thread, and the consuming listener handles it; every span of that path is in
 * the request's trace, collected in-process, and the record carries the W3C {@code traceparent}. The same spans leave
 * by OTLP to an endpoint when one is set, and the log lines on the way carry the trace id.
 */
class TraceAcrossKafkaTest {

    private static PostgresEngine postgres;
    private static KafkaEngine kafka;
    private static HttpServer collector;
    private static final List<byte[]> exported = new CopyOnWriteArrayList<>();
    private static FaultTestInstance service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startEnginesAnOtlpCollectorAndTheService() throws IOException {
        postgres = PostgresEngine.start(null, 0);
        postgres.createDatabaseIfMissing("fault_test");
        kafka = KafkaEngine.start(null, 0);
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exported.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        service = FaultTestInstance.start("traced", postgres.jdbcUrl("fault_test"), postgres.username(),
                postgres.password(), kafka.bootstrapServers(),
                "fault-test.collect-spans=true",
                "management.tracing.sampling.probability=1.0",
                "management.opentelemetry.tracing.export.schedule-delay=100ms",
                "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:"
                        + collector.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aRequestsTraceFollowsItsEventThroughTheOutboxAndKafkaIntoTheConsumer() throws Exception {
        String traceId = hex(16);
        String aggregate = "traced-" + UUID.randomUUID();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + service.port() + "/written/" + aggregate + "/1"))
                .header(CloudEventHeaders.TRACE_PARENT, "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        SpanData consumed = await().atMost(Duration.ofSeconds(30)).until(
                () -> span(traceId, SpanKind.CONSUMER, "faulttest.events"), Optional::isPresent).orElseThrow();
        List<SpanData> trace = spans().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
        SpanData request = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData publish = trace.stream().filter(span -> span.getName().equals("outbox publish")).findFirst()
                .orElseThrow();
        SpanData sent = span(traceId, SpanKind.PRODUCER, "faulttest.events").orElseThrow();
        ConsumerRecord<String, byte[]> record = recordOf(aggregate);
        String traceParent = header(record, CloudEventHeaders.TRACE_PARENT);

        assertThat(ancestors(publish, trace)).as("the publish, on the outbox thread, is within the request")
                .contains(request.getSpanId());
        assertThat(sent.getParentSpanId()).as("the Kafka send is the publish's child").isEqualTo(publish.getSpanId());
        assertThat(traceParent).as("the record's traceparent names the send")
                .isEqualTo("00-" + traceId + "-" + sent.getSpanId() + "-01");
        assertThat(consumed.getParentSpanId()).as("the consumer continues from the record's traceparent")
                .isEqualTo(sent.getSpanId());
        assertThat(ancestors(consumed, trace)).contains(publish.getSpanId(), request.getSpanId());
        assertThat(answer.body()).as("the trace id in the request's log lines").isEqualTo(traceId);
        assertThat(service.effects().loggedTraceIds).as("the trace id in the consumer's log lines")
                .containsEntry(aggregate, traceId);
    }

    @Test
    void anEventWrittenOutsideARequestHasATraceOfItsOwnFromThePublishOn() {
        String aggregate = "untraced-" + UUID.randomUUID();
        service.writer().write(aggregate, 1, false);

        await().atMost(Duration.ofSeconds(30)).until(() -> service.count(
                "select count(*) from effect where aggregate like :prefix", aggregate) == 1);
        SpanData consumed = consumerSpanOf(recordOf(aggregate));
        List<SpanData> trace = spans().stream().filter(span -> span.getTraceId().equals(consumed.getTraceId()))
                .toList();

        SpanData root = trace.stream().filter(span -> !span.getParentSpanContext().isValid()).findFirst()
                .orElseThrow();
        assertThat(root.getName()).as("the trace begins with the publish").isEqualTo("outbox publish");
        assertThat(ancestors(consumed, trace)).contains(root.getSpanId());
    }

    @Test
    void aRecordWithoutTraceparentIsStillHandledInATraceOfItsOwn() {
        String aggregate = "bare-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> bare = new ProducerRecord<>(FaultTestApplication.TOPIC, aggregate,
                ("{\"aggregate\":\"" + aggregate + "\",\"seq\":1,\"poison\":false}").getBytes(UTF_8));
        bare.headers().add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, EventTypes.typeName(Counted.class).getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/elsewhere".getBytes(UTF_8))
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        TopicRecords.send(kafka.bootstrapServers(), List.of(bare));

        await().atMost(Duration.ofSeconds(30)).until(() -> service.count(
                "select count(*) from effect where aggregate like :prefix", aggregate) == 1);
        SpanData consumed = consumerSpanOf(recordOf(aggregate));
        assertThat(consumed.getParentSpanContext().isValid()).as("a new trace begins at the consumer").isFalse();
    }

    @Test
    void spansLeaveByOtlpForTheEndpointThatIsSet() throws Exception {
        String traceId = hex(16);
        http.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + service.port() + "/written/count?prefix=otlp"))
                .header(CloudEventHeaders.TRACE_PARENT, "00-" + traceId + "-" + hex(8) + "-01")
                .GET().build(), HttpResponse.BodyHandlers.discarding());

        byte[] traceIdBytes = HexFormat.of().parseHex(traceId);
        await().atMost(Duration.ofSeconds(30)).until(() -> exported.stream().anyMatch(
                body -> indexOf(body, traceIdBytes) >= 0));
    }

    private static List<SpanData> spans() {
        return service.bean(InMemorySpanExporter.class).getFinishedSpanItems();
    }

    private static Optional<SpanData> span(String traceId, SpanKind kind, String nameContains) {
        return spans().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind
                        && span.getName().contains(nameContains))
                .findFirst();
    }

    /** The span ids from a span's parent up to its trace's root, as far as the collected spans reach. */
    private static List<String> ancestors(SpanData span, List<SpanData> trace) {
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId,
                Function.identity(), (a, b) -> a));
        List<String> ancestors = new ArrayList<>();
        SpanData at = byId.get(span.getParentSpanId());
        while (at != null) {
            ancestors.add(at.getSpanId());
            at = byId.get(at.getParentSpanId());
        }
        return ancestors;
    }

    /** The span of the listener's handling of a record, found by the partition and offset it records. */
    private static SpanData consumerSpanOf(ConsumerRecord<String, byte[]> record) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> spans().stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER)
                .filter(span -> String.valueOf(record.partition())
                        .equals(attribute(span, "messaging.kafka.source.partition"))
                        && String.valueOf(record.offset()).equals(attribute(span, "messaging.kafka.message.offset")))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter(attribute -> attribute.getKey().getKey().equals(name))
                .map(attribute -> String.valueOf(attribute.getValue())).findFirst().orElse(null);
    }

    /** The record of an aggregate's one event on the test topic. */
    private static ConsumerRecord<String, byte[]> recordOf(String aggregate) {
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.withKeyPrefix(kafka.bootstrapServers(), aggregate);
        assertThat(records).as("records of %s on %s", aggregate, FaultTestApplication.TOPIC).hasSize(1);
        return records.getFirst();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static int indexOf(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

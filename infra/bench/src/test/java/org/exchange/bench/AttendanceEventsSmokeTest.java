package org.exchange.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchange.engines.KafkaEngine;
import org.exchange.engines.PostgresEngine;
import org.exchange.engines.RepositoryRoot;
import org.junit.jupiter.api.Test;

/**
 * The attendance-events benchmark's parts with tiny numbers against a real broker and a real PostgreSQL started here
 * (the benchmark itself runs by hand against the local platform, docs/performance.md): the open-loop schedule, raw
 * Kafka both ways, the tap on a context's topic, the watch on a consumer's inbox, and the figures made of them.
 */
class AttendanceEventsSmokeTest {

    @Test
    void theOpenLoopStartsEveryTaskAtItsDueTimeWhateverTheEarlierOnesDo() {
        List<OpenLoop.Due> dues = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch lastStarted = new CountDownLatch(1);
        AtomicBoolean firstSawTheLast = new AtomicBoolean();

        OpenLoop.run(Duration.ofMillis(2), 10, due -> {
            dues.add(due);
            if (due.index() == 9) {
                lastStarted.countDown();
            }
            if (due.index() == 0) {
                // the first task is still running when the last one starts: it holds back no later one
                try {
                    firstSawTheLast.set(lastStarted.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertThat(firstSawTheLast).isTrue();

        assertThat(dues).extracting(OpenLoop.Due::index).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        OpenLoop.Due first = dues.stream().filter(due -> due.index() == 0).findFirst().orElseThrow();
        OpenLoop.Due last = dues.stream().filter(due -> due.index() == 9).findFirst().orElseThrow();
        assertThat(last.nanos() - first.nanos()).isEqualTo(9 * Duration.ofMillis(2).toNanos());
        assertThat(last.micros() - first.micros()).isEqualTo(18_000);
    }

    @Test
    void rawKafkaReadsBackEveryRecordBothWaysAndTheTapSeesAnAttendanceEventWithItsRequest() throws Exception {
        ServiceKafkaSettings settings = ServiceKafkaSettings.of(RepositoryRoot.find());
        assertThat(settings.producer()).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        try (KafkaEngine kafka = KafkaEngine.start(null, 0)) {
            try (RawKafkaLatency raw = new RawKafkaLatency(kafka.bootstrapServers(), settings, "bench.smoke")) {
                for (RawKafkaLatency.Sending sending : RawKafkaLatency.Sending.values()) {
                    RawKafkaLatency.Outcome outcome = raw.measure(sending, 200, Duration.ofMillis(100), 300);

                    assertThat(outcome.sent()).isEqualTo(20);
                    assertThat(outcome.received()).as(sending.label).isEqualTo(20);
                    assertThat(outcome.fromDue().getTotalCount()).isEqualTo(20);
                }
            }

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(AttendancePath.TOPIC, 3, (short) 1))).all()
                        .get(30, TimeUnit.SECONDS);
            }
            try (EventTap tap = new EventTap(kafka.bootstrapServers(), settings, AttendancePath.TOPIC,
                    AttendancePath.EVENT_TYPE);
                    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                UUID meeting = UUID.randomUUID();
                Instant recordedAt = Instant.parse("2026-12-01T20:00:00.123456Z");
                String eventId = UUID.randomUUID().toString();
                byte[] payload = ("{\"meetingId\":\"" + meeting + "\",\"recordedAt\":\"" + recordedAt
                        + "\",\"minutes\":61}").getBytes(UTF_8);
                // another type first, on the same key (so the same partition): read before the attendance
                producer.send(new ProducerRecord<>(AttendancePath.TOPIC, null, meeting.toString(), payload, List.of(
                        new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(UTF_8)),
                        new RecordHeader("ce_type", "exchange.MeetingScheduled.v1".getBytes(UTF_8))))).get();
                producer.send(new ProducerRecord<>(AttendancePath.TOPIC, null, meeting.toString(), payload, List.of(
                        new RecordHeader("ce_id", eventId.getBytes(UTF_8)),
                        new RecordHeader("ce_type", AttendancePath.EVENT_TYPE.getBytes(UTF_8))))).get();

                await().atMost(Duration.ofSeconds(30)).until(() -> tap.seen().containsKey(eventId));
                EventTap.Tapped tapped = tap.seen().get(eventId);
                assertThat(tapped.meetingId()).isEqualTo(meeting);
                assertThat(tapped.recordedAt()).isEqualTo(recordedAt);
                assertThat(tapped.valueBytes()).isEqualTo(payload.length);
                assertThat(tapped.tappedMicros()).isGreaterThanOrEqualTo(tapped.createdMicros());
                assertThat(tap.seen()).as("the event of another type is not the tap's").hasSize(1);
            }
        }
    }

    @Test
    void theWatchSeesAnInboxRowOnceItsTransactionCommitsAndNotBefore() throws Exception {
        try (PostgresEngine postgres = PostgresEngine.start(null, 0)) {
            postgres.createDatabaseIfMissing("consumer");
            String url = postgres.jdbcUrl("consumer");
            try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
                try (Statement schema = connection.createStatement()) {
                    schema.execute(Files.readString(RepositoryRoot.find()
                            .resolve("infra/platform/src/main/resources/db/platform/V0_2__processed_event.sql")));
                }
                try (InboxWatch watch = new InboxWatch("consumer", url, postgres.username(), postgres.password(),
                        AttendancePath.EVENT_TYPE, Duration.ofMillis(2))) {
                    String eventId = UUID.randomUUID().toString();
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into processed_event (event_id, event_type, source, processed_at) "
                                    + "values (?::uuid, ?, ?, ?)")) {
                        insert.setString(1, eventId);
                        insert.setString(2, AttendancePath.EVENT_TYPE);
                        insert.setString(3, "/exchange-service");
                        insert.setTimestamp(4, Timestamp.from(Instant.now()));
                        insert.executeUpdate();
                    }
                    long polls = watch.polls();
                    await().atMost(Duration.ofSeconds(30)).until(() -> watch.polls() > polls + 3);
                    assertThat(watch.handled()).as("not committed yet").doesNotContainKey(eventId);

                    connection.commit();

                    await().atMost(Duration.ofSeconds(30)).until(() -> watch.handled().containsKey(eventId));
                    InboxWatch.Handled handled = watch.handled().get(eventId);
                    assertThat(handled.visibleMicros()).isGreaterThan(handled.processedMicros());
                }
            }
        }
    }

    @Test
    void theFiguresRunFromEachRequestsCommitAndDueTimeToEachConsumersVisibility() {
        UUID meeting = UUID.randomUUID();
        Instant recordedAt = Instant.parse("2026-12-01T20:00:00.000100Z");
        long due = 1_000_000_000L;
        // due at 0; the transaction wrote its two events at +4 and +5 ms and answered at +7 ms
        List<PropagationFigures.Request> requests = List.of(
                new PropagationFigures.Request(due, due + 100, due + 7_000, 200, meeting, recordedAt, 2),
                new PropagationFigures.Request(due + 100_000, due + 100_100, due + 160_000, 409, meeting, null, 0));
        List<EventTap.Tapped> tapped = List.of(
                new EventTap.Tapped("a", meeting, recordedAt, due + 9_000, due + 12_000, 600),
                new EventTap.Tapped("b", meeting, recordedAt, due + 10_000, due + 13_000, 620),
                new EventTap.Tapped("other", UUID.randomUUID(), recordedAt, due, due, 1));
        Map<String, PropagationFigures.Outbox> outbox = Map.of(
                "a", new PropagationFigures.Outbox(due + 4_000, due + 11_000),
                "b", new PropagationFigures.Outbox(due + 5_000, due + 12_000));
        Map<String, Map<String, InboxWatch.Handled>> handled = new java.util.LinkedHashMap<>();
        handled.put("membership-service", Map.of(
                "a", new InboxWatch.Handled(due + 14_000, due + 20_000),
                "b", new InboxWatch.Handled(due + 21_000, due + 25_000)));
        handled.put("accreditation-service", Map.of("a", new InboxWatch.Handled(due + 15_000, due + 30_000)));

        PropagationFigures figures = PropagationFigures.of(requests, tapped, outbox, handled);

        assertThat(figures.events()).isEqualTo(2);
        assertThat(figures.meanValueBytes()).isEqualTo(610);
        PropagationFigures.Consumer membership = figures.consumers().get("membership-service");
        // from the commit (the later of the two events written: +5 ms) to each poll that saw them
        // (the histograms keep three significant digits)
        assertThat(membership.fromCommit().getMinValue()).isBetween(14_980L, 15_020L);
        assertThat(membership.fromCommit().getMaxValue()).isBetween(19_980L, 20_020L);
        assertThat(membership.fromDue().getMaxValue()).isBetween(24_980L, 25_020L);
        assertThat(membership.visible()).isEqualTo(2);
        PropagationFigures.Consumer accreditation = figures.consumers().get("accreditation-service");
        assertThat(accreditation.visible()).isEqualTo(1);
        assertThat(accreditation.missing()).isEqualTo(1);
        assertThat(figures.fromCommit().getMaxValue()).as("the slowest consumer's").isBetween(24_980L, 25_020L);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PropagationFigures.merge(List.of(figures, figures)).print("smoke", new PrintStream(printed, true, UTF_8));
        assertThat(printed.toString(UTF_8))
                .contains("[bench] smoke: 4 requests (2 not recorded), 4 events offered")
                .containsPattern("\\[bench\\] smoke, membership-service: commit to visible p50 \\d+\\.\\d\\d ms, "
                        + "p99 \\d+\\.\\d\\d ms, max 20\\.0\\d ms; due to visible .*; 4 visible, 0 not seen")
                .contains("accreditation-service: commit to visible").contains("2 visible, 2 not seen")
                .contains("[bench] smoke, stages: request (due to answer) ")
                .contains("stages in membership-service: send to its transaction ")
                .contains("load average");
    }
}

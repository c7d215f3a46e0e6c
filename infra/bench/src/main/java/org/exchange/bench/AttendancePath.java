package org.exchange.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.exchange.engines.PostgresEngine;
import org.exchange.launcher.PlatformSettings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The path, measured: attendance recorded in exchange-service
 * ({@code PUT /api/exchange/meetings/{id}/attendance} with the demo facilitator's token, directly at the service),
 * each attendee's line an {@code AttendanceRecorded} event through the outbox and Kafka, until membership-service has
 * the attendee's CPD activity and accreditation-service their facilitated workshop. Requests go on an open-loop
 * schedule ({@link OpenLoop}) so that events are offered at a fixed rate; each request names every member of the
 * fixture's group, so it writes as many events. The first request at each meeting records its attendance
 * ({@link #recordFirst()}, not measured); the measured ones correct it, the minutes alternating, so that every line is
 * an event (consumers update their rows).
 */
final class AttendancePath implements AutoCloseable {

    static final String TOPIC = "exchange.events";
    static final String EVENT_TYPE = "exchange.AttendanceRecorded.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final AttendanceFixture fixture;
    private final PostgresEngine postgres;
    private final EventTap tap;
    private final List<InboxWatch> watches = new ArrayList<>();
    private final PrintStream out;
    private long issued;

    AttendancePath(AttendanceFixture fixture, PostgresEngine postgres, String bootstrapServers,
            ServiceKafkaSettings kafka, Duration poll, PrintStream out) {
        this.fixture = fixture;
        this.postgres = postgres;
        this.out = out;
        this.tap = new EventTap(bootstrapServers, kafka, TOPIC, EVENT_TYPE);
        for (String consumer : List.of("membership-service", "accreditation-service")) {
            watches.add(new InboxWatch(consumer, postgres.jdbcUrl(PlatformSettings.databaseOf(consumer)),
                    postgres.username(), postgres.password(), EVENT_TYPE, poll));
        }
    }

    /** The first attendance at every meeting, one request at a time: what the measured requests then correct. */
    void recordFirst() {
        for (UUID meeting : fixture.meetings()) {
            AttendanceFixture.call("PUT", fixture.exchange() + "/api/exchange/meetings/" + meeting + "/attendance",
                    fixture.facilitator().current(), fixture.attendance(60), 200);
        }
    }

    /** Offers {@code eventsPerSecond} for {@code duration}, waits until every event is visible, and measures. */
    PropagationFigures measure(double eventsPerSecond, Duration duration) {
        int perRequest = fixture.members().size();
        double requestsPerSecond = eventsPerSecond / perRequest;
        int count = Math.max(1, (int) Math.round(requestsPerSecond * duration.toNanos() / 1e9));
        List<PropagationFigures.Request> requests = Collections.synchronizedList(new ArrayList<>());
        long first = issued;
        int meetings = fixture.meetings().size();
        long late = OpenLoop.run(OpenLoop.interval(requestsPerSecond), count, due -> {
            long sequence = first + due.index();
            UUID meeting = fixture.meetings().get((int) (sequence % meetings));
            // each pass over the meetings changes every line from the pass before: 60 minutes first, then 61, 60 ...
            int minutes = (sequence / meetings) % 2 == 0 ? 61 : 60;
            requests.add(send(due, meeting, minutes));
        });
        issued += count;
        out.printf("[bench] %d attendance requests of %d attendees at %.1f requests/s sent; the schedule was at most "
                + "%.1f ms late%n", count, perRequest, requestsPerSecond, late / 1e6);
        Set<String> keys = new HashSet<>();
        long expected = 0;
        for (PropagationFigures.Request request : requests) {
            if (request.recorded()) {
                keys.add(request.key());
                expected += request.events();
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<EventTap.Tapped> tapped = ofRound(keys);
        while ((tapped.size() < expected || !allHandled(tapped)) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            tapped = ofRound(keys);
        }
        Map<String, Map<String, InboxWatch.Handled>> handled = new LinkedHashMap<>();
        watches.forEach(watch -> handled.put(watch.name(), Map.copyOf(watch.handled())));
        return PropagationFigures.of(List.copyOf(requests), tapped, outbox(tapped), handled);
    }

    /** Polls made so far, per consumer: the cost of watching, printed beside the figures. */
    String polls() {
        StringBuilder polls = new StringBuilder();
        watches.forEach(watch -> polls.append(polls.isEmpty() ? "" : ", ").append(watch.name()).append(' ')
                .append(watch.polls()).append(" (rows only a sweep found: ").append(watch.lateFinds()).append(')'));
        return polls.toString();
    }

    private PropagationFigures.Request send(OpenLoop.Due due, UUID meeting, int minutes) {
        long sent = Micros.now();
        HttpResponse<String> response;
        try {
            response = AttendanceFixture.send(HttpRequest.newBuilder(URI.create(fixture.exchange()
                            + "/api/exchange/meetings/" + meeting + "/attendance"))
                    .header("Authorization", "Bearer " + fixture.facilitator().current())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofString(fixture.attendance(minutes))));
        } catch (RuntimeException e) {
            return new PropagationFigures.Request(due.micros(), sent, Micros.now(), 0, meeting, null, 0);
        }
        long answered = Micros.now();
        Instant recordedAt = null;
        int events = 0;
        if (response.statusCode() == 200) {
            // a line the request changed carries the request's own instant; one it left as it was, an earlier one
            for (JsonNode line : JSON.readTree(response.body())) {
                Instant at = Instant.parse(line.get("recordedAt").asString());
                events = recordedAt == null || at.isAfter(recordedAt) ? 1 : at.equals(recordedAt) ? events + 1 : events;
                recordedAt = recordedAt == null || at.isAfter(recordedAt) ? at : recordedAt;
            }
        }
        return new PropagationFigures.Request(due.micros(), sent, answered, response.statusCode(), meeting,
                recordedAt, events);
    }

    private List<EventTap.Tapped> ofRound(Set<String> keys) {
        return tap.seen().values().stream()
                .filter(event -> keys.contains(PropagationFigures.Request.key(event.meetingId(), event.recordedAt())))
                .toList();
    }

    private boolean allHandled(List<EventTap.Tapped> events) {
        return watches.stream().allMatch(watch -> events.stream()
                .allMatch(event -> watch.handled().containsKey(event.eventId())));
    }

    /** The events' outbox rows in exchange-service's database. */
    private Map<String, PropagationFigures.Outbox> outbox(List<EventTap.Tapped> events) {
        Map<String, PropagationFigures.Outbox> rows = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(
                postgres.jdbcUrl(PlatformSettings.databaseOf("exchange-service")), postgres.username(),
                postgres.password());
                PreparedStatement query = connection.prepareStatement("""
                        select event_id, publication_date, completion_date from event_publication
                        where event_id = any(?)""")) {
            Array ids = connection.createArrayOf("text", events.stream().map(EventTap.Tapped::eventId).toArray());
            query.setArray(1, ids);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    OffsetDateTime completed = result.getObject(3, OffsetDateTime.class);
                    rows.put(result.getString(1), new PropagationFigures.Outbox(
                            Micros.of(result.getObject(2, OffsetDateTime.class)),
                            completed == null ? 0 : Micros.of(completed)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read exchange-service's outbox", e);
        }
        return rows;
    }

    @Override
    public void close() {
        watches.forEach(InboxWatch::close);
        tap.close();
    }
}

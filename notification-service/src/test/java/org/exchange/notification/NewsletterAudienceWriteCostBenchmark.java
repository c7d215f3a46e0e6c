package org.exchange.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the newsletter audience's triggers (V22_1 and V23_1, docs/adr/0027) cost a write, with a large population
 * loaded: 100,000 recipients over 1,000 organisations, 60,000 newsletter consents, 200 networks, 2,500 memberships and
 * 400 suppressed addresses. Not part of the build (the name does not end in Test); run it on purpose with
 * {@code ./mvnw -B -o -pl notification-service test -Dtest=NewsletterAudienceWriteCostBenchmark} and read
 * {@code notification-service/target/newsletter-audience-write-cost.txt}. Each write is one autocommit statement over
 * JDBC on the service's database, about a different person each time; each changes what the rule says about them but
 * the last kind, which restates a consent as it was (as a profile update does when the consent did not change).
 */
class NewsletterAudienceWriteCostBenchmark extends NotificationIntegrationTest {

    static final int PEOPLE = 100_000;
    static final int WARM_UP = 20;
    static final int RUNS = 100;
    static final int ROUNDS = 5;

    /** How each way of writing is set up on the connection. */
    static final Map<String, String> WAYS = new LinkedHashMap<>();

    static {
        WAYS.put("triggers off", "set session_replication_role = replica");
        WAYS.put("triggers on", "set session_replication_role = origin");
    }

    @Autowired
    DataSource dataSource;

    @Test
    void whatTheAudienceTriggersCostAConsentAndAnOrganisationChange() throws Exception {
        load();
        List<String> report = new ArrayList<>();
        long kept = jdbc.sql("select count(*) from newsletter_audience_member").query(Long.class).single();
        report.add(("Newsletter audience write cost, %d recipients, %d kept audience rows (%d rounds per way, "
                + "each %d writes after %d warm-up, the ways taking turns)").formatted(PEOPLE, kept, ROUNDS, RUNS,
                WARM_UP));
        Iterator<UUID> people = jdbc.sql("select id from recipient where given_name = 'Bench' order by id")
                .query(UUID.class).list().iterator();
        List<UUID> writtenWithoutTriggers = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            Map<String, long[]> consent = new LinkedHashMap<>();
            for (String way : WAYS.keySet()) {
                consent.put(way, new long[ROUNDS * RUNS]);
            }
            long[] organisation = new long[ROUNDS * RUNS];
            long[] restated = new long[ROUNDS * RUNS];
            for (int round = 0; round < ROUNDS; round++) {
                for (var way : WAYS.entrySet()) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(way.getValue());
                    }
                    List<UUID> written = next(people, WARM_UP + RUNS);
                    if (way.getKey().contains("off")) {
                        writtenWithoutTriggers.addAll(written);
                    }
                    measure(consent(connection), written, consent.get(way.getKey()), round * RUNS);
                }
                measure(organisation(connection), next(people, WARM_UP + RUNS), organisation, round * RUNS);
                measure(consent(connection, false), next(people, WARM_UP + RUNS), restated, round * RUNS);
            }
            for (var way : consent.entrySet()) {
                report.add(summary("consent switched (upsert), " + way.getKey(), way.getValue()));
            }
            report.add(summary("organisation changed (recipient update), triggers on", organisation));
            report.add(summary("consent restated as it was (upsert), triggers on", restated));
            report.add(bulk(connection));
        }
        jdbc.sql("select newsletter_audience_refresh(:people::uuid[])")
                .param("people", writtenWithoutTriggers.stream().map(UUID::toString)
                        .collect(Collectors.joining(",", "{", "}"))).query().listOfRows();
        UUID someone = people.next();
        report.add("One consent switched, EXPLAIN (ANALYZE, BUFFERS):");
        report.addAll(jdbc.sql("""
                explain (analyze, buffers) insert into mail_preference (recipient_id, category, email, updated_at)
                values (:person, 'NEWSLETTER', not coalesce((select email from mail_preference
                                                            where recipient_id = :person and category = 'NEWSLETTER'),
                                                           false), now())
                on conflict (recipient_id, category)
                do update set email = excluded.email, updated_at = excluded.updated_at""")
                .param("person", someone).query(String.class).list());
        report.add("One person's audiences as the refresh reads them, EXPLAIN (ANALYZE, BUFFERS):");
        report.addAll(jdbc.sql("""
                explain (analyze, buffers)
                select person_id, segment, ref from newsletter_audience where person_id = any(array[:person::uuid])""")
                .param("person", someone).query(String.class).list());
        jdbc.sql("select newsletter_audience_fold()").query(Long.class).single();
        assertThat(NewsletterAudienceCountTest.keptOtherThanTheView(jdbc)).as("people kept as the view has them")
                .isZero();
        assertThat(NewsletterAudienceCountTest.countsOtherThanThePeopleKept(jdbc)).as("counts of the people kept")
                .isZero();

        Path out = Path.of("target", "newsletter-audience-write-cost.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    /** The population, written with the triggers off, then kept as the migration keeps an existing one. */
    private void load() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            statement.execute("""
                    insert into recipient (id, email, given_name, family_name, organisation_id)
                    select gen_random_uuid(), 'bench-' || i || '@college.test', 'Bench', 'Person',
                           'org-bench-' || i %% 1000
                    from generate_series(1, %d) i""".formatted(PEOPLE));
            statement.execute("""
                    insert into mail_preference (recipient_id, category, email, updated_at)
                    select id, 'NEWSLETTER', true, now() from recipient
                    where given_name = 'Bench' and (hashtext(id::text) & 2147483647) % 10 < 6""");
            statement.execute("""
                    insert into membership (practitioner_id, active, updated_at)
                    select id, (hashtext(id::text) & 2147483647) % 5 > 0, now() from recipient
                    where given_name = 'Bench' and (hashtext(id::text || 'm') & 2147483647) % 40 = 0""");
            statement.execute("""
                    insert into network_participant (network_id, practitioner_id)
                    select distinct ('00000000-0000-0000-0000-'
                                     || lpad(((hashtext(id::text || n) & 2147483647) % 200)::text, 12, '0'))::uuid, id
                    from recipient, generate_series(1, 2) n
                    where given_name = 'Bench' and (hashtext(id::text || 'p' || n) & 2147483647) % 10 < 6""");
            statement.execute("""
                    insert into mail_suppression (email, recipient_id, status, suppressed_at)
                    select lower(email), id, '5.1.1', now() from recipient
                    where given_name = 'Bench' and (hashtext(id::text || 's') & 2147483647) % 250 = 0""");
            statement.execute("set session_replication_role = origin");
            statement.execute("select newsletter_audience_refresh(array(select id from recipient))");
            statement.execute("select newsletter_audience_fold()");
            statement.execute("vacuum analyze");
        }
    }

    /** One person's newsletter consent as {@code Preferences.set} writes it, the opposite of what they had. */
    private Write consent(Connection connection) throws SQLException {
        return consent(connection, true);
    }

    /** One person's newsletter consent as {@code Preferences.set} writes it, switched or as it was. */
    private Write consent(Connection connection, boolean switched) throws SQLException {
        PreparedStatement upsert = connection.prepareStatement("""
                insert into mail_preference (recipient_id, category, email, updated_at)
                values (?, 'NEWSLETTER', ?, ?)
                on conflict (recipient_id, category)
                do update set email = excluded.email, updated_at = excluded.updated_at""");
        PreparedStatement consented = connection.prepareStatement("""
                select coalesce((select email from mail_preference where recipient_id = ? and category = 'NEWSLETTER'),
                                false)""");
        return person -> {
            consented.setObject(1, person);
            boolean was;
            try (var rs = consented.executeQuery()) {
                rs.next();
                was = rs.getBoolean(1);
            }
            upsert.setObject(1, person);
            upsert.setBoolean(2, switched != was);
            upsert.setTimestamp(3, Timestamp.from(Instant.now()));
            long start = System.nanoTime();
            upsert.executeUpdate();
            return System.nanoTime() - start;
        };
    }

    /** One person moved to another organisation, as a profile update writes it. */
    private Write organisation(Connection connection) throws SQLException {
        PreparedStatement update = connection.prepareStatement(
                "update recipient set organisation_id = 'org-bench-moved-' || (hashtext(?::text) & 7) where id = ?");
        return person -> {
            update.setObject(1, person);
            update.setObject(2, person);
            long start = System.nanoTime();
            update.executeUpdate();
            return System.nanoTime() - start;
        };
    }

    /** One statement about many people: 20,000 network participations, as a bulk load writes them. */
    private static String bulk(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            int rows = statement.executeUpdate("""
                    insert into network_participant (network_id, practitioner_id)
                    select '00000000-0000-0000-0000-00000000bbbb', id from recipient
                    where given_name = 'Bench' order by id desc limit 20000""");
            return "%d network participations in one statement, triggers on: %.0f ms".formatted(rows,
                    ms(System.nanoTime() - start));
        }
    }

    private static void measure(Write write, List<UUID> people, long[] nanos, int from) throws SQLException {
        for (UUID person : people.subList(0, WARM_UP)) {
            write.about(person);
        }
        for (int i = 0; i < RUNS; i++) {
            nanos[from + i] = write.about(people.get(WARM_UP + i));
        }
    }

    private static String summary(String name, long[] nanos) {
        double mean = Arrays.stream(nanos).average().orElseThrow() / 1e6;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return "%-55s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   mean %6.2f ms".formatted(name,
                ms(sorted[sorted.length / 2]), ms(sorted[sorted.length * 9 / 10]),
                ms(sorted[sorted.length * 99 / 100]), mean);
    }

    private static List<UUID> next(Iterator<UUID> people, int count) {
        List<UUID> next = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            next.add(people.next());
        }
        return next;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One write about one person; answers how long the statement took, in nanoseconds. */
    private interface Write {
        long about(UUID person) throws SQLException;
    }
}

package org.exchange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exchange.engines.PostgresEngine;
import org.exchange.engines.RepositoryRoot;
import org.exchange.launcher.PlatformSettings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The national-scale generator at a tiny scale, into real PostgreSQL databases migrated by each service's own Flyway
 * migrations (so every table, constraint, default and generated column is the services' own): it writes what the
 * scale asks, the services' invariants hold on what it wrote, and the same seed writes the same rows. That the
 * services answer on the data (the finder, the outcomes library, the dashboard calls, the report, the segment count)
 * is checked by the {@code national} benchmark itself against a running platform, before it measures anything.
 */
class NationalDataSmokeTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
    private static final NationalScale TINY = NationalScale.of(0.002);
    private static PostgresEngine postgres;
    private static Map<String, Long> written;
    private static String printed;

    @BeforeAll
    static void generateTwiceWithTheSameSeed() throws SQLException {
        postgres = PostgresEngine.start(null, 0);
        for (String set : List.of("a_", "b_")) {
            for (String service : PlatformSettings.SERVICES) {
                String database = set + PlatformSettings.databaseOf(service);
                postgres.createDatabaseIfMissing(database);
                Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                        .locations("filesystem:" + RepositoryRoot.find().resolve(service)
                                .resolve("src/main/resources/db/migration"))
                        .load().migrate();
            }
            referenceDataTheServicesLoadAtStart(set);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written = generate("a_", new PrintStream(out, true, StandardCharsets.UTF_8));
        generate("b_", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Map<String, Long> generate(String set, PrintStream out) throws SQLException {
        return new NationalData(TINY, 15, AS_OF, List.of(NationalBenchmark.DEMO_PRACTITIONER), out)
                .write(service -> DriverManager.getConnection(postgres.jdbcUrl(set + PlatformSettings.databaseOf(service)),
                        postgres.username(), postgres.password()));
    }

    /** The Professional Standards and the award's programme, which the services load from files when they start. */
    private static void referenceDataTheServicesLoadAtStart(String set) throws SQLException {
        execute(set + "assessment", """
                insert into framework_edition (id, name, year, publisher, is_current, data_version)
                values ('etf-2022', 'Professional Standards 2022', 2022, 'ETF', true, 1);
                insert into standard (id, edition_id, number, area)
                select 'etf-2022-' || lpad(n::text, 2, '0'), 'etf-2022', n, 'SKILLS' from generate_series(1, 20) n""");
        execute(set + "accreditation", """
                insert into programme_version (code, version, title, definition, definition_sha256, loaded_at)
                values ('ILM-DEVELOPMENT-PLLE', 1, 'ILM Development Award', '{}', 'x', now())""");
    }

    @Test
    void writesWhatTheScaleAsksAndPrintsTheRateOfEveryTable() throws SQLException {
        assertThat(count("a_membership", "practitioner")).isEqualTo(TINY.practitioners() + demoPeopleOfMigrations());
        assertThat(count("a_exchange", "exchange_group")).isEqualTo(TINY.groups());
        assertThat(count("a_exchange", "meeting where group_id is not null")).isEqualTo(TINY.meetings());
        assertThat(count("a_exchange", "outcome")).isGreaterThanOrEqualTo(TINY.outcomes());
        assertThat(count("a_assessment", "self_assessment")).isEqualTo(TINY.selfAssessments());
        assertThat(count("a_accreditation", "enrolment")).isEqualTo(TINY.enrolments() + 1);
        // attendances come near the asked number: members of a group attend only its meetings that have happened
        assertThat(count("a_exchange", "attendance")).isBetween(TINY.attendances() * 8L / 10,
                TINY.attendances() * 12L / 10);
        assertThat(written.get("exchange.attendance")).isEqualTo(count("a_exchange", "attendance"));
        assertThat(printed).containsPattern("\\[datagen\\] exchange\\.attendance +[\\d,]+ rows in +[\\d.]+ s: +[\\d,]+ "
                + "rows/s").containsPattern("\\[datagen\\] total [\\d,]+ rows in [\\d.]+ s \\([\\d,]+ rows/s\\)");
    }

    @Test
    void everyGroupMeetsAtLeastFourTimesAndAClosedGroupHasAnOutcome() throws SQLException {
        assertThat(count("a_exchange", "exchange_group g where (select count(*) from meeting m "
                + "where m.group_id = g.id) < 4")).isZero();
        assertThat(count("a_exchange", "exchange_group g where status = 'CLOSED' and not exists "
                + "(select 1 from outcome o where o.group_id = g.id)")).isZero();
        assertThat(count("a_exchange", "exchange_group where status = 'CLOSED'")).isPositive();
        assertThat(count("a_exchange", "exchange_group where status = 'ACTIVE'")).isPositive();
    }

    @Test
    void onlyMembersAttendAndOnlyMeetingsThatHappened() throws SQLException {
        assertThat(count("a_exchange", "attendance a join meeting m on m.id = a.meeting_id where not exists "
                + "(select 1 from group_member gm where gm.group_id = m.group_id "
                + "and gm.practitioner_id = a.practitioner_id)")).isZero();
        assertThat(count("a_exchange", "attendance a join meeting m on m.id = a.meeting_id "
                + "where m.starts_at >= '" + AS_OF + "'")).isZero();
        assertThat(count("a_exchange", "attendance a where not exists (select 1 from attendance_revision r "
                + "where r.attendance_id = a.id)")).isZero();
        assertThat(count("a_exchange", "group_member gm join exchange_group g on g.id = gm.group_id "
                + "group by g.id, g.capacity having count(*) > g.capacity")).isZero();
    }

    @Test
    void theReadModelsHoldWhatTheEventsOfThatHistoryWouldHaveBroughtThem() throws SQLException {
        // AttendanceRecorded: one CPD activity per attendance, for the same person and hours
        assertThat(count("a_membership", "cpd_activity where source = 'ATTENDANCE'"))
                .isEqualTo(count("a_exchange", "attendance"));
        assertThat(checksum("a_membership", "select practitioner_id::text || attendance_id || hours from cpd_activity "
                + "where source = 'ATTENDANCE'")).isEqualTo(checksum("a_exchange",
                        "select practitioner_id::text || id || (minutes / 60.0)::numeric(6, 2) from attendance"));
        // PractitionerRegistered: a person, a recipient, a directory entry for each practitioner
        long generated = TINY.practitioners();
        assertThat(count("a_exchange", "practitioner_directory")).isEqualTo(generated);
        assertThat(count("a_notification", "recipient")).isEqualTo(generated);
        assertThat(count("a_assessment", "person")).isEqualTo(generated);
        // the newsletter is on for exactly those who consented in their profile
        assertThat(checksum("a_notification", "select recipient_id::text from mail_preference "
                + "where category = 'NEWSLETTER' and email")).isEqualTo(checksum("a_membership",
                        "select id::text from practitioner where newsletter_consent and email like '%@gen.exchange.test'"));
        // every self-assessment rates every standard of its edition
        assertThat(count("a_assessment", "self_assessment s where (select count(*) from rating r "
                + "where r.assessment_id = s.id) <> 20")).isZero();
    }

    @Test
    void theDemoPractitionerHasGroupsAttendanceAndAnEnrolmentForTheirDashboard() throws SQLException {
        String demo = "'" + NationalBenchmark.DEMO_PRACTITIONER + "'";
        assertThat(count("a_exchange", "group_member where practitioner_id = " + demo)).isEqualTo(3);
        assertThat(count("a_exchange", "attendance where practitioner_id = " + demo)).isPositive();
        assertThat(count("a_membership", "cpd_activity where practitioner_id = " + demo)).isPositive();
        assertThat(count("a_accreditation", "enrolment where candidate_id = " + demo)).isEqualTo(1);
    }

    @Test
    void theSameSeedWritesTheSameRows() throws SQLException {
        for (String[] table : List.of(new String[] {"exchange", "select id::text || practitioner_id from attendance"},
                new String[] {"exchange", "select id::text || title || published_at from outcome"},
                new String[] {"membership", "select id::text || email || organisation_id from practitioner"},
                new String[] {"assessment", "select assessment_id::text || standard_id || score from rating"})) {
            assertThat(checksum("b_" + table[0], table[1])).as(table[1]).isEqualTo(checksum("a_" + table[0], table[1]));
        }
    }

    private static long demoPeopleOfMigrations() throws SQLException {
        return count("b_membership", "practitioner where email like '%@demo.exchange.test'");
    }

    private static long count(String database, String from) throws SQLException {
        return query(database, "select count(*) from " + from);
    }

    private static String checksum(String database, String select) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select md5(coalesce(string_agg(v, ',' order by v), '')) "
                        + "from (" + select + ") t(v)")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static long query(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            long total = 0;
            while (rows.next()) {
                total += rows.getLong(1);
            }
            return total;
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}

package org.exchange.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The rules that find tables with personal data in a schema, on a real PostgreSQL database of their own. */
class PersonalDataTablesTest {

    static DataSource database;

    @BeforeAll
    static void createASchema() throws SQLException {
        TestEngines engines = TestEngines.shared();
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(engines.jdbcUrl("personal_data_tables_test"));
        source.setUser(engines.databaseUsername());
        source.setPassword(engines.databasePassword());
        database = source;
        try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    drop schema public cascade;
                    create schema public;
                    create table application (id uuid primary key, candidate_id uuid, candidate_organisation_id text,
                                              decided_by uuid);
                    create table logged_hours (id uuid primary key, application_id uuid references application (id),
                                               hours int);
                    create table attachment (id uuid primary key, entry_id uuid references logged_hours (id),
                                             size_bytes int);
                    create table partner (id text primary key, name text);
                    create table session (id uuid primary key, title text, scheduled_by uuid);
                    create table booking (session_id uuid references session (id), seats int);
                    create table rulebook (id text primary key, context text, observation_id uuid, version int);
                    create table upload (id uuid primary key, content_bytes bytea);
                    create table setting (id text primary key, definition jsonb);
                    create table diary (id uuid primary key, private_notes text);
                    """);
        }
    }

    @Test
    void findsPeopleByIdOrByWhatTheyDidNamesFreeTextFilesAndTheRowsThatBelongToAPerson() {
        var found = PersonalDataTables.in(database).found();

        assertThat(found).containsOnlyKeys("application", "logged_hours", "attachment", "partner", "session",
                "upload", "setting", "diary");
        assertThat(found.get("application")).containsExactly("candidate_id: names a person by id",
                "decided_by: names who did something");
        assertThat(found.get("attachment")).containsExactly("belongs to a row of application, a person's");
        assertThat(found.get("diary")).containsExactly("private_notes: free text");
        assertThat(found.get("upload")).containsExactly("content_bytes: free text");
        assertThat(found.get("setting")).containsExactly("definition: a file or document (jsonb)");
    }

    @Test
    void aTableWithPersonalDataWithoutAnAccountFailsAndSoDoesAnAccountOfATableWithout() {
        PersonalDataTables tables = PersonalDataTables.in(database)
                .erasureRemovesOrBlanks("application", "logged_hours", "attachment", "diary", "upload")
                .keepsOnlyAPseudonymousId("session", "who scheduled it")
                .notAboutTheErasedPerson("partner", "organisations' names")
                .notAboutTheErasedPerson("booking", "a session's seats");

        assertThatThrownBy(tables::assertEveryTableIsAccountedFor).isInstanceOf(AssertionError.class)
                .hasMessageContaining("setting can hold personal data (definition: a file or document (jsonb)) "
                        + "but the erasure test does not say what erasure does to it")
                .hasMessageContaining("booking is accounted for (not about the erased person: a session's seats) "
                        + "but is no table with personal data in this database");
    }

    @Test
    void everyTableAccountedForOnceHolds() {
        PersonalDataTables.in(database)
                .erasureRemovesOrBlanks("application", "logged_hours", "attachment", "diary", "upload")
                .keepsOnlyAPseudonymousId("session", "who scheduled it")
                .notAboutTheErasedPerson("partner", "organisations' names")
                .notAboutTheErasedPerson("setting", "the service's settings")
                .assertEveryTableIsAccountedFor();

        assertThatThrownBy(() -> PersonalDataTables.in(database).erasureRemovesOrBlanks("diary")
                .notAboutTheErasedPerson("diary", "twice")).isInstanceOf(IllegalArgumentException.class);
    }
}

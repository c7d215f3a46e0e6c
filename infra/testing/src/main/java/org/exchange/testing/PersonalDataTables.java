package org.exchange.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * The tables of a service's PostgreSQL database that can hold personal data, found by reading its schema, and an
 * erasure test's account of each of them. A new table with such a column and no account fails the test that asks, so
 * erasure cannot silently miss a copy of someone's data.
 *
 * <p>A column can hold personal data when its name or type says so. A column name is split into its words at
 * underscores; a word matches a rule word when it starts with it (so {@code notes} matches {@code note}, but
 * {@code context} does not match {@code text}):
 * <ul>
 * <li><b>names a person by id</b>: it ends in {@code _id} or {@code _ids} and the word before is a word for a person
 * ({@link #PERSON_WORDS}: {@code practitioner_id}, {@code person_id}, {@code candidate_id},
 * {@code academy_assessor_id}; not {@code candidate_organisation_id}, which names an organisation);</li>
 * <li><b>names who did something</b>: its last word is {@code by} ({@code decided_by}, {@code recorded_by});</li>
 * <li><b>names or contacts a person</b>: a word in {@link #CONTACT_WORDS} ({@code given_name}, {@code author_names},
 * {@code contact_email}, {@code address}, {@code postcode});</li>
 * <li><b>free text</b> someone wrote, or a message: a word in {@link #FREE_TEXT_WORDS} ({@code description},
 * {@code comment}, {@code notes}, {@code reasons}, {@code goals}, {@code serialized_event});</li>
 * <li><b>a file or a document</b>: its type is {@code bytea}, {@code json} or {@code jsonb}, which can hold anything;</li>
 * <li><b>belongs to a person's row</b>: the table has a foreign key, at any depth, to a table with a column naming a
 * person by id (not by {@code _by}: who recorded a meeting does not make the meeting theirs). So the rows of a
 * person's enrolment or self-assessment count, whatever their columns are called.</li>
 * </ul>
 * The rules find more than they need to (an organisation's {@code name}, a framework's {@code note}): such a table is
 * accounted for as about no one erasure can reach, with the reason. Column names are all they read: a column called
 * {@code title} or {@code aim} is not found, unless its table is found for another column.
 *
 * <p>The platform's own tables (outbox, inbox, dead letters, job locks, Flyway's history) are in every service and are
 * accounted for here, in {@link #PLATFORM_TABLES}, once.
 */
public final class PersonalDataTables {

    /** Words for a person that, before {@code _id}, make a column a person's id. */
    public static final Set<String> PERSON_WORDS = Set.of("person", "people", "practitioner", "candidate", "member",
            "facilitator", "assessor", "coach", "mentor", "holder", "author", "owner", "user", "recipient",
            "applicant", "attendee", "participant", "learner", "subject", "contact", "admin", "staff");

    /** Words of columns that name a person or say how to reach them. */
    public static final Set<String> CONTACT_WORDS = Set.of("name", "email", "phone", "mobile", "address",
            "postcode", "birth");

    /** Words of columns that hold what someone wrote, or a message that may quote it. */
    public static final Set<String> FREE_TEXT_WORDS = Set.of("text", "comment", "note", "reflection", "description",
            "feedback", "reason", "goal", "statement", "observation", "summary", "message", "body", "content",
            "payload", "serialized", "answer", "remark", "story", "bio");

    /** The platform's tables in every service's database, and why each may stay as it is. */
    public static final Map<String, String> PLATFORM_TABLES = Map.of(
            "event_publication", "the outbox: a copy of each event this service published, as the topic holds it, "
                    + "deleted with the topic's retention (exchange.outbox.retention, 7 days) once sent",
            "dead_letter", "events this service could not handle, kept until ops replay or discard them (ADR 0010); "
                    + "erasure empties the payload and failure text of those keyed by or naming the person and "
                    + "discards them (PlatformErasure)",
            "audit_entry", "the audit trail (ADR 0016): who acted and whom a record is about stay as pseudonymous ids; "
                    + "erasure empties the before and after of the entries about the person (PlatformErasure)",
            "shedlock", "names the service instance that holds a scheduled job's lock, never a person",
            "flyway_schema_history", "the migrations run and the database user that ran them, never a person");

    private final Map<String, List<String>> found;
    private final Map<String, String> accounts = new TreeMap<>();

    private PersonalDataTables(Map<String, List<String>> found) {
        this.found = found;
    }

    /** Reads the schema of the data source's current schema and finds the tables. */
    public static PersonalDataTables in(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new PersonalDataTables(find(columns(connection), foreignKeys(connection)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database schema", e);
        }
    }

    /** The tables found, each with the columns that made it one and the rule each matched. */
    public Map<String, List<String>> found() {
        return found;
    }

    /** Tables where erasure removes the person's rows or blanks what is personal in them (the test shows how). */
    public PersonalDataTables erasureRemovesOrBlanks(String... tables) {
        Arrays.stream(tables).forEach(table -> account(table, "erasure removes or blanks it"));
        return this;
    }

    /** A table where erasure leaves the person's rows naming them by a pseudonymous id alone, and why. */
    public PersonalDataTables keepsOnlyAPseudonymousId(String table, String why) {
        return account(table, "keeps only a pseudonymous id: " + why);
    }

    /** A table found by the rules that holds nothing about a person whom erasure can find by their id, and why. */
    public PersonalDataTables notAboutTheErasedPerson(String table, String why) {
        return account(table, "not about the erased person: " + why);
    }

    /**
     * Asserts that the tables found are exactly the tables accounted for (with the platform's own): none found without
     * an account, none accounted for that is not found (renamed, dropped, or no longer personal).
     */
    public void assertEveryTableIsAccountedFor() {
        Set<String> unaccounted = new TreeSet<>(found.keySet());
        unaccounted.removeAll(accounts.keySet());
        unaccounted.removeAll(PLATFORM_TABLES.keySet());
        Set<String> unknown = new TreeSet<>(accounts.keySet());
        unknown.removeAll(found.keySet());
        List<String> problems = new ArrayList<>();
        unaccounted.forEach(table -> problems.add(table + " can hold personal data (" + String.join(", ",
                found.get(table)) + ") but the erasure test does not say what erasure does to it"));
        unknown.forEach(table -> problems.add(table + " is accounted for (" + accounts.get(table)
                + ") but is no table with personal data in this database"));
        assertThat(problems).as("tables with personal data that erasure must account for").isEmpty();
    }

    private PersonalDataTables account(String table, String account) {
        String previous = accounts.putIfAbsent(table, account);
        if (previous != null) {
            throw new IllegalArgumentException(table + " is accounted for twice: " + previous + "; " + account);
        }
        return this;
    }

    /** A column of a table, with its type as PostgreSQL names it ({@code uuid}, {@code text}, {@code _text} ...). */
    private record Column(String table, String name, String type) {
    }

    private static List<Column> columns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select c.table_name, c.column_name, c.udt_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                order by c.table_name, c.ordinal_position""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new Column(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return columns;
    }

    /** Each table's foreign keys: the tables it refers to. */
    private static Map<String, Set<String>> foreignKeys(Connection connection) throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        try (var statement = connection.prepareStatement("""
                select child.relname, parent.relname from pg_catalog.pg_constraint k
                join pg_catalog.pg_class child on child.oid = k.conrelid
                join pg_catalog.pg_class parent on parent.oid = k.confrelid
                join pg_catalog.pg_namespace n on n.oid = child.relnamespace
                where k.contype = 'f' and n.nspname = current_schema()""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                references.computeIfAbsent(rows.getString(1), table -> new TreeSet<>()).add(rows.getString(2));
            }
        }
        return references;
    }

    private static Map<String, List<String>> find(List<Column> columns, Map<String, Set<String>> references) {
        Map<String, List<String>> found = new TreeMap<>();
        Set<String> ownedByAPerson = new TreeSet<>();
        for (Column column : columns) {
            String rule = rule(column);
            if (rule != null) {
                found.computeIfAbsent(column.table(), table -> new ArrayList<>()).add(column.name() + ": " + rule);
            }
            if (namesAPersonById(words(column.name()))) {
                ownedByAPerson.add(column.table());
            }
        }
        Map<String, String> belongs = new LinkedHashMap<>();
        references.keySet().forEach(table -> owner(table, references, ownedByAPerson, new TreeSet<>())
                .ifPresent(owner -> belongs.put(table, owner)));
        belongs.forEach((table, owner) -> found.computeIfAbsent(table, t -> new ArrayList<>())
                .add("belongs to a row of " + owner + ", a person's"));
        return found;
    }

    /** The table naming a person by id that this table's rows belong to, through its foreign keys. */
    private static Optional<String> owner(String table, Map<String, Set<String>> references,
            Set<String> ownedByAPerson, Set<String> visited) {
        if (!visited.add(table)) {
            return Optional.empty();
        }
        for (String parent : references.getOrDefault(table, Set.of())) {
            if (ownedByAPerson.contains(parent)) {
                return Optional.of(parent);
            }
            var further = owner(parent, references, ownedByAPerson, visited);
            if (further.isPresent()) {
                return further;
            }
        }
        return Optional.empty();
    }

    /** The rule the column matches, or null. */
    private static String rule(Column column) {
        List<String> words = words(column.name());
        if (isAnId(words)) {
            // an id names what it identifies (observation_id is no observation): a person, or nothing here
            return namesAPersonById(words) ? "names a person by id" : null;
        }
        if (words.getLast().equals("by")) {
            return "names who did something";
        }
        if (anyStartsWith(words, CONTACT_WORDS)) {
            return "names or contacts a person";
        }
        if (anyStartsWith(words, FREE_TEXT_WORDS)) {
            return "free text";
        }
        if (Set.of("bytea", "json", "jsonb").contains(column.type())) {
            return "a file or document (" + column.type() + ")";
        }
        return null;
    }

    private static boolean isAnId(List<String> words) {
        return Set.of("id", "ids").contains(words.getLast());
    }

    private static boolean namesAPersonById(List<String> words) {
        return words.size() >= 2 && isAnId(words)
                && anyStartsWith(List.of(words.get(words.size() - 2)), PERSON_WORDS);
    }

    private static boolean anyStartsWith(List<String> words, Set<String> ruleWords) {
        return words.stream().anyMatch(word -> ruleWords.stream().anyMatch(word::startsWith));
    }

    private static List<String> words(String columnName) {
        return List.of(columnName.toLowerCase(Locale.ROOT).split("_"));
    }
}

package org.exchange.platform.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.exchange.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a regulator or an awarding body asks about: who changed what, when, and the record before and after. An entry
 * is written in the transaction of the change it describes (so a change that rolls back leaves none, and a change is
 * never without its entry) and is never updated, except that erasure empties the states recorded about the erased
 * person. People appear only by their identity provider id.
 */
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a change made by {@code actor} (null for the service's own scheduled work).
     *
     * @param action what was done, as {@code <thing>.<verb>}, such as {@code venue.changed}
     * @param subject the record changed
     * @param organisationId the organisation the record belongs to (whose admins may read the entry), or null
     * @param before the record before the change (null when it was created); must be written as a JSON object
     * @param after the record after the change (null when it was deleted); must be written as a JSON object
     * @throws IllegalStateException outside a transaction: an entry must commit or roll back with its change
     */
    public void record(@Nullable Caller actor, String action, Subject subject, @Nullable String organisationId,
            @Nullable Object before, @Nullable Object after) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An audit entry is written in the transaction of its change: " + action);
        }
        ObjectNode beforeState = state(before, "before");
        ObjectNode afterState = state(after, "after");
        jdbc.sql("""
                insert into audit_entry (occurred_at, actor_id, actor_roles, action, subject_type, subject_id,
                                         person_id, organisation_id, changed, before_state, after_state, trace_id)
                values (:at, :actor, :roles, :action, :type, :id, :person, :organisation, :changed,
                        cast(:before as jsonb), cast(:after as jsonb), :trace)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor == null ? null : actor.subjectId())
                .param("roles", actor == null ? new String[0] : new TreeSet<>(actor.roles()).toArray(String[]::new))
                .param("action", action)
                .param("type", subject.type())
                .param("id", subject.id())
                .param("person", subject.person())
                .param("organisation", organisationId)
                .param("changed", changed(beforeState, afterState).toArray(String[]::new))
                .param("before", beforeState == null ? null : json.writeValueAsString(beforeState))
                .param("after", afterState == null ? null : json.writeValueAsString(afterState))
                .param("trace", MDC.get("traceId"))
                .update();
    }

    /**
     * Records that {@code actor} read or exported something (a download of personal data, say), in a transaction of
     * its own: reading changes nothing, so there is no change to commit with, and the entry stands even if the read
     * fails later on.
     *
     * @param what the parameters of the read, such as the filters of an export
     */
    public void recordRead(Caller actor, String action, Subject subject, @Nullable String organisationId,
            Map<String, ?> what) {
        ownTransaction.executeWithoutResult(status -> record(actor, action, subject, organisationId, null, what));
    }

    /**
     * Records that {@code actor} downloaded a file of people's data ({@code export.downloaded}): which file, with what
     * filters, how many rows.
     */
    public void recordExport(Caller actor, String filename, @Nullable String organisationId, int rows,
            Map<String, ?> filters) {
        recordRead(actor, "export.downloaded", Subject.of("export", filename), organisationId,
                Map.of("file", filename, "rows", rows, "filters", filters));
    }

    /** The entries that match, newest first. */
    public List<AuditEntry> entries(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> params = new ArrayList<>();
        where(sql, params, "subject_type = ?", query.subjectType());
        where(sql, params, "subject_id = ?", query.subjectId());
        where(sql, params, "actor_id = ?", query.actorId());
        where(sql, params, "action = ?", query.action());
        where(sql, params, "organisation_id = ?", query.organisationId());
        where(sql, params, "occurred_at >= ?", query.from() == null ? null : Timestamp.from(query.from()));
        where(sql, params, "occurred_at < ?", query.to() == null ? null : Timestamp.from(query.to()));
        where(sql, params, "id < ?", query.before());
        sql.append(" order by id desc limit ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> entry(rs)).list();
    }

    /**
     * Erasure: entries about records of the person keep that something was done and by whom, but no longer what the
     * records held. (Entries the person made about other records keep their states: those are not about them.)
     *
     * @return how many entries were emptied
     */
    public int forgetPerson(UUID person) {
        return jdbc.sql("""
                update audit_entry set before_state = null, after_state = null, changed = '{}'
                 where person_id = :person and (before_state is not null or after_state is not null)""")
                .param("person", person).update();
    }

    private static void where(StringBuilder sql, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.add(value);
        }
    }

    private @Nullable ObjectNode state(@Nullable Object value, String name) {
        if (value == null) {
            return null;
        }
        JsonNode tree = json.valueToTree(value);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("The " + name + " state of an audit entry must be a JSON object, not "
                    + tree.getNodeType());
        }
        return object;
    }

    /** The top-level fields whose values differ between the two states (every field of the one there is). */
    static Set<String> changed(@Nullable ObjectNode before, @Nullable ObjectNode after) {
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            fields.addAll(before.propertyNames());
        }
        if (after != null) {
            fields.addAll(after.propertyNames());
        }
        if (before != null && after != null) {
            fields.removeIf(field -> java.util.Objects.equals(before.get(field), after.get(field)));
        }
        return new TreeSet<>(fields);
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("actor_id", UUID.class), strings(rs.getArray("actor_roles")), rs.getString("action"),
                new Subject(rs.getString("subject_type"), rs.getString("subject_id"),
                        rs.getObject("person_id", UUID.class)),
                rs.getString("organisation_id"), strings(rs.getArray("changed")),
                map(rs.getString("before_state")), map(rs.getString("after_state")), rs.getString("trace_id"));
    }

    private @Nullable Map<String, Object> map(@Nullable String state) {
        return state == null ? null : json.readValue(state, STATE);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /**
     * The record an entry is about: its kind ({@code venue}, {@code cpd-activity} ...), its id, and the person it is
     * about where it is a person's own record (whose erasure empties the entry's states).
     */
    public record Subject(String type, String id, @Nullable UUID person) {

        /** A record that is nobody's personal data, such as a venue. */
        public static Subject of(String type, Object id) {
            return new Subject(type, String.valueOf(id), null);
        }

        /** A record about one person, such as their CPD activity or appointment. */
        public static Subject ofPerson(String type, Object id, UUID person) {
            return new Subject(type, String.valueOf(id), person);
        }
    }

    /**
     * One entry.
     *
     * @param actorId who did it (null: the service itself, by schedule)
     * @param changed the top-level fields that differ between before and after
     */
    public record AuditEntry(long id, Instant at, @Nullable UUID actorId, List<String> actorRoles, String action,
            Subject subject, @Nullable String organisationId, List<String> changed,
            @Nullable Map<String, Object> before, @Nullable Map<String, Object> after, @Nullable String traceId) {
    }

    /** Which entries to list: every filter is optional; {@code before} is the id to continue below (paging). */
    public record AuditQuery(@Nullable String subjectType, @Nullable String subjectId, @Nullable UUID actorId,
            @Nullable String action, @Nullable String organisationId, @Nullable Instant from, @Nullable Instant to,
            @Nullable Long before, int limit) {
    }
}

package org.exchange.exchange.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures of the programme report, read from the read model the database keeps with every write (V21_5,
 * docs/adr/0024-programme-report-read-model-kept-by-the-database.md): people per scope, sums per group and
 * network. Only meetings held are counted here, from an index, as they depend on the time of the report.
 */
@Repository
class ReportQueries {

    /** The programme's own scope in the read model: everyone involved anywhere. */
    private static final UUID PROGRAMME = new UUID(0, 0);

    /** The groups a report on a programme cycle (or a wave of it) covers, within a network or in all. */
    private static final String SCOPE_GROUPS = """
            select id from exchange_group
            where (cast(:network as uuid) is null or network_id = :network)
              and (cast(:cycle as uuid) is null or cycle_id = :cycle)
              and (cast(:wave as int) is null or wave_number = :wave)""";

    /** The scope's people, each with the organisation they are counted under. */
    private static final String PEOPLE_OF_GROUPS = """
            select p.practitioner_id,
                   coalesce(max(p.attended_organisation), max(d.organisation_id)) as organisation_id
            from report_person p left join practitioner_directory d on d.practitioner_id = p.practitioner_id
            where p.scope_id in (%s)
            group by p.practitioner_id""".formatted(SCOPE_GROUPS);

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int practitionersInvolved(ReportScope scope) {
        String sql = byGroups(scope)
                ? "select count(*) from (" + PEOPLE_OF_GROUPS + ") people"
                : "select count(*) from report_person where scope_id = :scope";
        return scoped(jdbc.sql(sql), scope).query(Integer.class).single();
    }

    List<ProgrammeReport.OrganisationLine> organisations(ReportScope scope) {
        String counted = byGroups(scope)
                ? "select organisation_id, count(*) as practitioners from (" + PEOPLE_OF_GROUPS + ") people "
                        + "where organisation_id is not null group by organisation_id"
                : "select organisation_id, count(*) as practitioners from report_person "
                        + "where scope_id = :scope and organisation_id is not null group by organisation_id";
        return scoped(jdbc.sql("""
                select c.organisation_id, coalesce(o.name, c.organisation_id) as name, c.practitioners
                from (%s) c left join organisation_directory o on o.organisation_id = c.organisation_id
                order by name, organisation_id""".formatted(counted)), scope)
                .query(ReportQueries::organisationLine)
                .list();
    }

    Map<String, Integer> groupsByStatus(ReportScope scope) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        scoped(jdbc.sql("""
                select status, count(*) as groups from exchange_group
                where id in (%s) group by status order by status""".formatted(SCOPE_GROUPS)), scope)
                .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getInt("groups")))
                .list();
        return byStatus;
    }

    /** Meetings held, attendance records with minutes, and the minutes attended. */
    long[] meetingsAndAttendance(ReportScope scope, Instant now) {
        return scoped(jdbc.sql("""
                select (select count(*) from meeting m
                        where m.status = 'SCHEDULED' and m.ends_at <= :now and %s) as held,
                       coalesce(sum(f.attendances), 0) as attendances, coalesce(sum(f.minutes), 0) as minutes
                from report_figures f where %s""".formatted(meetingsOf(scope), figuresOf(scope))), scope)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new long[] { rs.getLong("held"), rs.getLong("attendances"), rs.getLong("minutes") })
                .single();
    }

    /** Outcomes published, their disseminations and the people those reached. */
    long[] outcomesAndReach(ReportScope scope) {
        return scoped(jdbc.sql("""
                select coalesce(sum(f.outcomes), 0) as outcomes, coalesce(sum(f.disseminations), 0) as disseminations,
                       coalesce(sum(f.people_reached), 0) as reached
                from report_figures f where %s""".formatted(figuresOf(scope))), scope)
                .query((rs, row) -> new long[] { rs.getLong("outcomes"), rs.getLong("disseminations"),
                        rs.getLong("reached") })
                .single();
    }

    List<ProgrammeReport.GroupLine> groups(ReportScope scope, Instant now) {
        return scoped(jdbc.sql("""
                with scope_group as (%s),
                held as (
                    select m.group_id, count(*) as held from meeting m
                    where m.status = 'SCHEDULED' and m.ends_at <= :now and m.group_id is not null and %s
                    group by m.group_id)
                select g.id, n.name as network, g.name as group_name, g.kind, g.area, g.status,
                       c.name as cycle, g.wave_number, coalesce(f.members, 0) as members,
                       coalesce(h.held, 0) as held, coalesce(f.attendances, 0) as attendances,
                       coalesce(f.outcomes, 0) as outcomes
                from exchange_group g join network n on n.id = g.network_id
                     left join programme_cycle c on c.id = g.cycle_id
                     left join report_figures f on f.scope_id = g.id
                     left join held h on h.group_id = g.id
                where g.id in (select id from scope_group)
                order by n.name, g.name, g.id""".formatted(SCOPE_GROUPS, meetingsOf(scope))), scope)
                .param("now", Timestamp.from(now))
                .query(ReportQueries::groupLine)
                .list();
    }

    /** A group's line of the report, from the columns both the report's query and its test oracle name alike. */
    static ProgrammeReport.GroupLine groupLine(ResultSet rs, int row) throws SQLException {
        return new ProgrammeReport.GroupLine(rs.getObject("id", UUID.class), rs.getString("network"),
                rs.getString("group_name"), rs.getString("kind"), rs.getString("area"), rs.getString("status"),
                rs.getInt("members"), rs.getInt("held"), rs.getInt("attendances"), rs.getInt("outcomes"),
                rs.getString("cycle"), rs.getObject("wave_number", Integer.class));
    }

    static ProgrammeReport.OrganisationLine organisationLine(ResultSet rs, int row) throws SQLException {
        return new ProgrammeReport.OrganisationLine(rs.getString("organisation_id"), rs.getString("name"),
                rs.getInt("practitioners"));
    }

    /** A cycle or a wave is reported on through its groups; a network, or the programme, as a whole. */
    private static boolean byGroups(ReportScope scope) {
        return scope.cycleId() != null || scope.wave() != null;
    }

    /** The scope's meetings (network events belong to no cycle): each case its own SQL, so each its own plan. */
    private static String meetingsOf(ReportScope scope) {
        String network = scope.networkId() != null ? "m.network_id = :network" : "true";
        return byGroups(scope) ? network + " and m.group_id in (" + SCOPE_GROUPS + ")" : network;
    }

    /** The rows of {@code report_figures} whose sums are the scope's. */
    private static String figuresOf(ReportScope scope) {
        if (byGroups(scope)) {
            return "f.scope_id in (" + SCOPE_GROUPS + ")";
        }
        return scope.networkId() != null ? "f.scope_id = :network" : "f.kind = 'NETWORK'";
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec statement, ReportScope scope) {
        return statement.param("network", scope.networkId()).param("cycle", scope.cycleId())
                .param("wave", scope.wave()).param("scope", scope.networkId() != null ? scope.networkId() : PROGRAMME);
    }
}

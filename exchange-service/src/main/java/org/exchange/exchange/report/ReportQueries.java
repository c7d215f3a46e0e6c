package org.exchange.exchange.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The figures of the programme report, read from the read model the database keeps with every write (V21_5,
 * docs/adr/0024-programme-report-read-model-kept-by-the-database.md; V22_1, docs/adr/0026): people per scope and
 * organisation, sums per group and network. Only the meetings still to come are counted here, from an index, as
 * whether a meeting was held depends on the time of the report.
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
                : "select coalesce(sum(practitioners), 0) from report_people where scope_id = :scope";
        return scoped(jdbc.sql(sql), scope).query(Integer.class).single();
    }

    List<ProgrammeReport.OrganisationLine> organisations(ReportScope scope) {
        String counted = byGroups(scope)
                ? "select organisation_id, count(*) as practitioners from (" + PEOPLE_OF_GROUPS + ") people "
                        + "where organisation_id is not null group by organisation_id"
                : "select organisation_id, practitioners from report_people "
                        + "where scope_id = :scope and organisation_id <> '' and practitioners <> 0";
        return scoped(jdbc.sql("""
                select c.organisation_id, coalesce(o.name, c.organisation_id) as name, c.practitioners
                from (%s) c left join organisation_directory o on o.organisation_id = c.organisation_id
                order by name, organisation_id""".formatted(counted)), scope)
                .query(ReportQueries::organisationLine)
                .list();
    }

    Map<String, Integer> groupsByStatus(ReportScope scope) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        String groups = byGroups(scope) ? "id in (" + SCOPE_GROUPS + ")"
                : scope.networkId() != null ? "network_id = :network" : "true";
        scoped(jdbc.sql("""
                select status, count(*) as groups from exchange_group
                where %s group by status order by status""".formatted(groups)), scope)
                .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getInt("groups")))
                .list();
        return byStatus;
    }

    /**
     * Meetings held (the scope's scheduled meetings, kept, less those still to come, counted), attendance records with
     * minutes, and the minutes attended.
     */
    long[] meetingsAndAttendance(ReportScope scope, Instant now) {
        return scoped(jdbc.sql("""
                select coalesce(sum(f.meetings_scheduled), 0)
                         - (select count(*) from meeting m
                            where m.status = 'SCHEDULED' and m.ends_at > :now and %s) as held,
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

    /**
     * The scope's group lines in the report's order (network name, which is unique, then group name and id), from
     * just after {@code after} (or the first), at most {@code limit} of them (all when null). The page's groups are
     * chosen first, by a walk of the networks in name order that stops once the page is full (keyset pagination), and
     * only those are joined to their figures and their meetings held counted.
     */
    List<ProgrammeReport.GroupLine> groups(ReportScope scope, Instant now, GroupCursor after, Integer limit) {
        List<String> where = new ArrayList<>();
        if (scope.networkId() != null) {
            where.add("g.network_id = :network");
        }
        if (scope.cycleId() != null) {
            where.add("g.cycle_id = :cycle");
        }
        if (scope.wave() != null) {
            where.add("g.wave_number = :wave");
        }
        if (after != null) {
            where.add("n.name >= :afterNetwork "
                    + "and (n.name > :afterNetwork or (g.name, g.id) > (:afterGroup, :afterId))");
        }
        JdbcClient.StatementSpec statement = scoped(jdbc.sql("""
                select p.id, p.network, p.group_name, g.kind, g.area, g.status, c.name as cycle, g.wave_number,
                       coalesce(f.members, 0) as members, coalesce(f.attendances, 0) as attendances,
                       coalesce(f.outcomes, 0) as outcomes,
                       (select count(*) from meeting m
                        where m.group_id = p.id and m.status = 'SCHEDULED' and m.ends_at <= :now and %s) as held
                from (select g.id, n.name as network, g.name as group_name
                      from exchange_group g join network n on n.id = g.network_id
                      where %s
                      order by n.name, g.name, g.id%s) p
                     join exchange_group g on g.id = p.id
                     left join programme_cycle c on c.id = g.cycle_id
                     left join report_figures f on f.scope_id = p.id
                order by p.network, p.group_name, p.id""".formatted(
                        scope.networkId() != null ? "m.network_id = :network" : "true",
                        where.isEmpty() ? "true" : String.join(" and ", where),
                        limit != null ? " limit :limit" : "")), scope)
                .param("now", Timestamp.from(now));
        if (after != null) {
            statement = statement.param("afterNetwork", after.network()).param("afterGroup", after.group())
                    .param("afterId", after.groupId());
        }
        if (limit != null) {
            statement = statement.param("limit", limit);
        }
        return statement.query(ReportQueries::groupLine).list();
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

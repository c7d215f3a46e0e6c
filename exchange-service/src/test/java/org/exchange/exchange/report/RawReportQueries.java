package org.exchange.exchange.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme report's figures counted from the raw tables, as the service did before it kept them in a read model
 * (V21_5): the oracle the read model is tested against.
 */
class RawReportQueries {

    /**
     * The groups and meetings a report covers: a network's (or all), and of those only a programme cycle's groups and
     * their meetings (network events belong to no cycle) when a cycle is asked for, and one wave's when a wave is.
     */
    private static final String SCOPE = """
            with scope_group as (
                select id from exchange_group
                where (cast(:network as uuid) is null or network_id = :network)
                  and (cast(:cycle as uuid) is null or cycle_id = :cycle)
                  and (cast(:wave as int) is null or wave_number = :wave)),
            scope_meeting as (
                select id from meeting
                where (cast(:network as uuid) is null or network_id = :network)
                  and ((cast(:cycle as uuid) is null and cast(:wave as int) is null)
                       or group_id in (select id from scope_group)))""";

    /** Everyone involved in the scope's groups and meetings, with their organisation when known. */
    private static final String PEOPLE = SCOPE + """
            ,
            involved as (
                select practitioner_id, null::text as organisation_id from group_facilitator
                 where group_id in (select id from scope_group)
                union select practitioner_id, null from group_member
                 where status = 'CONFIRMED' and group_id in (select id from scope_group)
                union select practitioner_id, null from registration
                 where status = 'CONFIRMED' and meeting_id in (select id from scope_meeting)
                union select practitioner_id, organisation_id from attendance
                 where minutes > 0 and meeting_id in (select id from scope_meeting)),
            people as (
                select i.practitioner_id, coalesce(max(i.organisation_id), max(d.organisation_id)) as organisation_id
                from involved i left join practitioner_directory d on d.practitioner_id = i.practitioner_id
                group by i.practitioner_id)
            """;

    private final JdbcClient jdbc;

    RawReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int practitionersInvolved(ReportScope scope) {
        return scoped(jdbc.sql(PEOPLE + "select count(*) from people"), scope).query(Integer.class).single();
    }

    List<ProgrammeReport.OrganisationLine> organisations(ReportScope scope) {
        return scoped(jdbc.sql(PEOPLE + "\n" + """
                select p.organisation_id, coalesce(o.name, p.organisation_id) as name, count(*) as practitioners
                from people p left join organisation_directory o on o.organisation_id = p.organisation_id
                where p.organisation_id is not null
                group by p.organisation_id, o.name order by name, organisation_id"""), scope)
                .query(ReportQueries::organisationLine)
                .list();
    }

    Map<String, Integer> groupsByStatus(ReportScope scope) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        scoped(jdbc.sql(SCOPE + """
                select status, count(*) as groups from exchange_group
                where id in (select id from scope_group) group by status order by status"""), scope)
                .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getInt("groups")))
                .list();
        return byStatus;
    }

    /** Meetings held, attendance records with minutes, and the minutes attended. */
    long[] meetingsAndAttendance(ReportScope scope, Instant now) {
        return scoped(jdbc.sql(SCOPE + """
                select (select count(*) from meeting
                        where id in (select id from scope_meeting)
                          and status = 'SCHEDULED' and ends_at <= :now) as held,
                       count(a.id) filter (where a.minutes > 0) as attendances,
                       coalesce(sum(a.minutes), 0) as minutes
                from attendance a
                where a.meeting_id in (select id from scope_meeting)"""), scope)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new long[] { rs.getLong("held"), rs.getLong("attendances"), rs.getLong("minutes") })
                .single();
    }

    /** Outcomes published, their disseminations and the people those reached. */
    long[] outcomesAndReach(ReportScope scope) {
        return scoped(jdbc.sql(SCOPE + """
                select count(distinct o.id) as outcomes, count(d.id) as disseminations,
                       coalesce(sum(d.people_reached), 0) as reached
                from outcome o left join dissemination d on d.outcome_id = o.id
                where (cast(:network as uuid) is null or o.network_id = :network)
                  and ((cast(:cycle as uuid) is null and cast(:wave as int) is null)
                       or o.group_id in (select id from scope_group))"""), scope)
                .query((rs, row) -> new long[] { rs.getLong("outcomes"), rs.getLong("disseminations"),
                        rs.getLong("reached") })
                .single();
    }

    List<ProgrammeReport.GroupLine> groups(ReportScope scope, Instant now) {
        return scoped(jdbc.sql(SCOPE + """
                select g.id, n.name as network, g.name as group_name, g.kind, g.area, g.status,
                       c.name as cycle, g.wave_number,
                       (select count(*) from group_member gm where gm.group_id = g.id and gm.status = 'CONFIRMED')
                         as members,
                       (select count(*) from meeting m where m.group_id = g.id and m.status = 'SCHEDULED'
                          and m.ends_at <= :now) as held,
                       (select count(*) from attendance a join meeting m on m.id = a.meeting_id
                         where m.group_id = g.id and a.minutes > 0) as attendances,
                       (select count(*) from outcome o where o.group_id = g.id) as outcomes
                from exchange_group g join network n on n.id = g.network_id
                     left join programme_cycle c on c.id = g.cycle_id
                where g.id in (select id from scope_group)
                order by n.name, g.name, g.id"""), scope)
                .param("now", Timestamp.from(now))
                .query(ReportQueries::groupLine)
                .list();
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec statement, ReportScope scope) {
        return statement.param("network", scope.networkId()).param("cycle", scope.cycleId())
                .param("wave", scope.wave());
    }
}

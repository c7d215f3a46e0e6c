package org.exchange.exchange.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures of the programme report, counted in the database. */
@Repository
class ReportQueries {

    /** Everyone involved in the network's groups and meetings, with their organisation when known. */
    private static final String PEOPLE = """
            with scope_group as (
                select id from exchange_group where cast(:network as uuid) is null or network_id = :network),
            scope_meeting as (
                select id from meeting where cast(:network as uuid) is null or network_id = :network),
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

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int practitionersInvolved(UUID networkId) {
        return jdbc.sql(PEOPLE + "select count(*) from people").param("network", networkId)
                .query(Integer.class).single();
    }

    List<ProgrammeReport.OrganisationLine> organisations(UUID networkId) {
        return jdbc.sql(PEOPLE + "\n" + """
                select p.organisation_id, coalesce(o.name, p.organisation_id) as name, count(*) as practitioners
                from people p left join organisation_directory o on o.organisation_id = p.organisation_id
                where p.organisation_id is not null
                group by p.organisation_id, o.name order by name""")
                .param("network", networkId)
                .query((rs, row) -> new ProgrammeReport.OrganisationLine(rs.getString("organisation_id"),
                        rs.getString("name"), rs.getInt("practitioners")))
                .list();
    }

    Map<String, Integer> groupsByStatus(UUID networkId) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        jdbc.sql("""
                select status, count(*) as groups from exchange_group
                where cast(:network as uuid) is null or network_id = :network group by status order by status""")
                .param("network", networkId)
                .query((rs, row) -> byStatus.put(rs.getString("status"), rs.getInt("groups")))
                .list();
        return byStatus;
    }

    /** Meetings held, attendance records with minutes, and the minutes attended. */
    long[] meetingsAndAttendance(UUID networkId, Instant now) {
        return jdbc.sql("""
                select (select count(*) from meeting
                        where (cast(:network as uuid) is null or network_id = :network)
                          and status = 'SCHEDULED' and ends_at <= :now) as held,
                       count(a.id) filter (where a.minutes > 0) as attendances,
                       coalesce(sum(a.minutes), 0) as minutes
                from attendance a join meeting m on m.id = a.meeting_id
                where cast(:network as uuid) is null or m.network_id = :network""")
                .param("network", networkId).param("now", Timestamp.from(now))
                .query((rs, row) -> new long[] { rs.getLong("held"), rs.getLong("attendances"), rs.getLong("minutes") })
                .single();
    }

    /** Outcomes published, their disseminations and the people those reached. */
    long[] outcomesAndReach(UUID networkId) {
        return jdbc.sql("""
                select count(distinct o.id) as outcomes, count(d.id) as disseminations,
                       coalesce(sum(d.people_reached), 0) as reached
                from outcome o left join dissemination d on d.outcome_id = o.id
                where cast(:network as uuid) is null or o.network_id = :network""")
                .param("network", networkId)
                .query((rs, row) -> new long[] { rs.getLong("outcomes"), rs.getLong("disseminations"),
                        rs.getLong("reached") })
                .single();
    }

    List<ProgrammeReport.GroupLine> groups(UUID networkId, Instant now) {
        return jdbc.sql("""
                select g.id, n.name as network, g.name as group_name, g.kind, g.area, g.status,
                       (select count(*) from group_member gm where gm.group_id = g.id and gm.status = 'CONFIRMED')
                         as members,
                       (select count(*) from meeting m where m.group_id = g.id and m.status = 'SCHEDULED'
                          and m.ends_at <= :now) as held,
                       (select count(*) from attendance a join meeting m on m.id = a.meeting_id
                         where m.group_id = g.id and a.minutes > 0) as attendances,
                       (select count(*) from outcome o where o.group_id = g.id) as outcomes
                from exchange_group g join network n on n.id = g.network_id
                where cast(:network as uuid) is null or g.network_id = :network
                order by n.name, g.name""")
                .param("network", networkId).param("now", Timestamp.from(now))
                .query((rs, row) -> new ProgrammeReport.GroupLine(rs.getObject("id", UUID.class),
                        rs.getString("network"), rs.getString("group_name"), rs.getString("kind"),
                        rs.getString("area"), rs.getString("status"), rs.getInt("members"), rs.getInt("held"),
                        rs.getInt("attendances"), rs.getInt("outcomes")))
                .list();
    }
}

package org.exchange.assessment.aggregate;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's baseline and latest submitted ratings against an edition, for a set of people. */
@Repository
class AggregateQueries {

    private final JdbcClient jdbc;

    AggregateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Aggregate.Row> rows(String editionId, Collection<UUID> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                with submitted as (
                  select id, practitioner_id, kind, submitted_at from self_assessment
                  where status = 'SUBMITTED' and edition_id = :edition and practitioner_id in (:people)),
                latest as (
                  select distinct on (practitioner_id) id, practitioner_id from submitted
                  order by practitioner_id, submitted_at desc),
                baseline as (select id, practitioner_id from submitted where kind = 'BASELINE')
                select l.practitioner_id, r.standard_id, b.score as baseline, r.score as latest,
                       l.id <> bl.id as reviewed
                from latest l
                join baseline bl on bl.practitioner_id = l.practitioner_id
                join rating r on r.assessment_id = l.id
                join rating b on b.assessment_id = bl.id and b.standard_id = r.standard_id""")
                .param("edition", editionId)
                .param("people", people)
                .query((rs, row) -> new Aggregate.Row(rs.getObject("practitioner_id", UUID.class),
                        rs.getString("standard_id"), rs.getInt("baseline"), rs.getInt("latest"),
                        rs.getBoolean("reviewed")))
                .list();
    }
}

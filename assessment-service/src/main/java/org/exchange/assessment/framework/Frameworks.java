package org.exchange.assessment.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The editions of the Professional Standards, each standard with the wording of its latest data version. */
@Repository
class Frameworks {

    private final JdbcClient jdbc;

    Frameworks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Edition> all() {
        Map<String, List<Standard>> standards = jdbc.sql("""
                select s.id, s.edition_id, s.number, s.area, t.wording, t.complete, t.source
                from standard s
                join standard_text t on t.standard_id = s.id
                 and t.data_version = (select max(data_version) from standard_text where standard_id = s.id)
                order by s.edition_id, s.number""")
                .query((rs, row) -> new Standard(rs.getString("id"), rs.getString("edition_id"), rs.getInt("number"),
                        Standard.Area.valueOf(rs.getString("area")), rs.getString("wording"),
                        rs.getBoolean("complete"), rs.getString("source")))
                .list().stream().collect(Collectors.groupingBy(Standard::editionId));
        return jdbc.sql("""
                select id, name, year, publisher, source, is_current, data_version from framework_edition
                order by year desc""")
                .query((rs, row) -> new Edition(rs.getString("id"), rs.getString("name"), rs.getInt("year"),
                        rs.getString("publisher"), rs.getString("source"), rs.getBoolean("is_current"),
                        rs.getInt("data_version"), standards.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    Optional<Edition> find(String editionId) {
        return all().stream().filter(edition -> edition.id().equals(editionId)).findFirst();
    }
}

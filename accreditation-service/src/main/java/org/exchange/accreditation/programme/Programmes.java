package org.exchange.accreditation.programme;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The programme versions loaded from their files. */
@Repository
class Programmes {

    private final JdbcClient jdbc;

    Programmes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of every programme. */
    List<Programme> current() {
        return jdbc.sql("""
                select distinct on (code) definition::text from programme_version order by code, version desc""")
                .query(String.class).list().stream().map(Programmes::parse).toList();
    }

    Optional<Programme> current(String code) {
        return jdbc.sql("""
                select definition::text from programme_version where code = :code order by version desc limit 1""")
                .param("code", code).query(String.class).optional().map(Programmes::parse);
    }

    Optional<Programme> version(String code, int version) {
        return jdbc.sql("select definition::text from programme_version where code = :code and version = :version")
                .param("code", code).param("version", version).query(String.class).optional()
                .map(Programmes::parse);
    }

    private static Programme parse(String definition) {
        return ProgrammeFiles.JSON.readValue(definition, Programme.class);
    }
}

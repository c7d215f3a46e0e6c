package org.exchange.exchange.network;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The networks and their programme cycles. */
@Repository
class Networks {

    private static final String COLUMNS = """
            id, name, region, place_name, latitude, longitude, lead_organisation_id, contact_name, contact_email,
            created_at""";

    private final JdbcClient jdbc;

    Networks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Network network) {
        jdbc.sql("""
                insert into network (id, name, region, place_name, latitude, longitude, lead_organisation_id,
                                     contact_name, contact_email, created_at)
                values (:id, :name, :region, :place, :latitude, :longitude, :lead, :contactName, :contactEmail, :at)""")
                .param("id", network.id())
                .param("name", network.name())
                .param("region", network.region())
                .param("place", network.location().placeName())
                .param("latitude", network.location().latitude())
                .param("longitude", network.location().longitude())
                .param("lead", network.leadOrganisationId())
                .param("contactName", network.contactName())
                .param("contactEmail", network.contactEmail())
                .param("at", Timestamp.from(network.createdAt()))
                .update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select exists (select 1 from network where lower(name) = lower(:name))")
                .param("name", name).query(Boolean.class).single();
    }

    Optional<Network> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from network where id = :id").param("id", id)
                .query((rs, row) -> network(rs)).optional();
    }

    List<Network> all(String region) {
        return jdbc.sql("select " + COLUMNS + "\n" + """
                 from network where (cast(:region as text) is null or lower(region) = lower(:region)) order by name""")
                .param("region", region)
                .query((rs, row) -> network(rs)).list();
    }

    void addCycle(ProgrammeCycle cycle) {
        jdbc.sql("""
                insert into programme_cycle (id, network_id, name, starts_on, ends_on)
                values (:id, :network, :name, :startsOn, :endsOn)""")
                .param("id", cycle.id())
                .param("network", cycle.networkId())
                .param("name", cycle.name())
                .param("startsOn", Date.valueOf(cycle.startsOn()))
                .param("endsOn", Date.valueOf(cycle.endsOn()))
                .update();
        for (ProgrammeCycle.Wave wave : cycle.waves()) {
            jdbc.sql("""
                    insert into programme_wave (cycle_id, number, name, starts_on, ends_on)
                    values (:cycle, :number, :name, :startsOn, :endsOn)""")
                    .param("cycle", cycle.id())
                    .param("number", wave.number())
                    .param("name", wave.name())
                    .param("startsOn", Date.valueOf(wave.startsOn()))
                    .param("endsOn", Date.valueOf(wave.endsOn()))
                    .update();
        }
    }

    List<ProgrammeCycle> cycles(UUID networkId) {
        return jdbc.sql("""
                select id, network_id, name, starts_on, ends_on from programme_cycle
                where network_id = :network order by starts_on""")
                .param("network", networkId)
                .query((rs, row) -> new ProgrammeCycle(rs.getObject("id", UUID.class),
                        rs.getObject("network_id", UUID.class), rs.getString("name"),
                        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                        waves(rs.getObject("id", UUID.class))))
                .list();
    }

    private List<ProgrammeCycle.Wave> waves(UUID cycleId) {
        return jdbc.sql("""
                select number, name, starts_on, ends_on from programme_wave where cycle_id = :cycle order by number""")
                .param("cycle", cycleId)
                .query((rs, row) -> new ProgrammeCycle.Wave(rs.getInt("number"), rs.getString("name"),
                        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate()))
                .list();
    }

    private static Network network(ResultSet rs) throws SQLException {
        return new Network(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("region"),
                new GeoLocation(rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("place_name")),
                rs.getString("lead_organisation_id"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getTimestamp("created_at").toInstant());
    }
}

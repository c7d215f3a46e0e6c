package org.exchange.membership.organisation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.membership.versioning.ExpectedVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What partner organisations offer the programme: venues and financial contributions. */
@Repository
class SupportOffered {

    private final JdbcClient jdbc;

    SupportOffered(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Venue> venue(String organisationId, UUID id) {
        return jdbc.sql("select * from venue where id = :id and organisation_id = :organisation")
                .param("id", id).param("organisation", organisationId)
                .query((rs, row) -> venue(rs)).optional();
    }

    List<Venue> venuesOf(String organisationId) {
        return jdbc.sql("select * from venue where organisation_id = :organisation order by name")
                .param("organisation", organisationId)
                .query((rs, row) -> venue(rs)).list();
    }

    /** Venues whose offer has not been announced (seeded by a migration), locked until the transaction ends. */
    List<Venue> unannouncedVenuesForUpdate() {
        return jdbc.sql("select * from venue where not announced order by id for update skip locked")
                .query((rs, row) -> venue(rs)).list();
    }

    void markAnnounced(Venue venue) {
        jdbc.sql("update venue set announced = true where id = :id").param("id", venue.id()).update();
    }

    /**
     * Stores a new venue, or a change to the version it was read at.
     *
     * @return the venue at its new version
     * @throws ExpectedVersion.Stale when someone else changed it since it was read
     */
    Venue save(Venue venue) {
        int stored = jdbc.sql("""
                insert into venue (id, organisation_id, name, address, postcode, latitude, longitude, capacity,
                  accessibility, withdrawn, offered_at, version)
                values (:id, :organisation, :name, :address, :postcode, :latitude, :longitude, :capacity,
                  :accessibility, :withdrawn, :offeredAt, 1)
                on conflict (id) do update set version = venue.version + 1, name = excluded.name, address = excluded.address,
                  postcode = excluded.postcode, latitude = excluded.latitude, longitude = excluded.longitude,
                  capacity = excluded.capacity, accessibility = excluded.accessibility,
                  withdrawn = excluded.withdrawn, offered_at = excluded.offered_at
                where venue.version = :version""")
                .param("id", venue.id())
                .param("organisation", venue.organisationId())
                .param("name", venue.name())
                .param("address", venue.address())
                .param("postcode", venue.postcode())
                .param("latitude", venue.latitude())
                .param("longitude", venue.longitude())
                .param("capacity", venue.capacity())
                .param("accessibility", venue.accessibility())
                .param("withdrawn", venue.withdrawn())
                .param("offeredAt", Timestamp.from(venue.offeredAt()))
                .param("version", venue.version())
                .update();
        if (stored == 0) {
            throw new ExpectedVersion.Stale("this venue");
        }
        return venue(venue.organisationId(), venue.id()).orElseThrow();
    }

    List<FinancialContribution> contributionsOf(String organisationId) {
        return jdbc.sql("select * from financial_contribution where organisation_id = :organisation"
                + " order by pledged_on, recorded_at")
                .param("organisation", organisationId)
                .query((rs, row) -> new FinancialContribution(rs.getObject("id", UUID.class),
                        rs.getString("organisation_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("purpose"), rs.getDate("pledged_on").toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    void add(FinancialContribution contribution) {
        jdbc.sql("""
                insert into financial_contribution (id, organisation_id, amount, currency, purpose, pledged_on,
                  recorded_at)
                values (:id, :organisation, :amount, :currency, :purpose, :pledgedOn, :recordedAt)""")
                .param("id", contribution.id())
                .param("organisation", contribution.organisationId())
                .param("amount", contribution.amount())
                .param("currency", contribution.currency())
                .param("purpose", contribution.purpose())
                .param("pledgedOn", Date.valueOf(contribution.pledgedOn()))
                .param("recordedAt", Timestamp.from(contribution.recordedAt()))
                .update();
    }

    private static Venue venue(ResultSet rs) throws SQLException {
        return new Venue(rs.getObject("id", UUID.class), rs.getString("organisation_id"), rs.getString("name"),
                rs.getString("address"), rs.getString("postcode"), rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class), rs.getInt("capacity"), rs.getString("accessibility"),
                rs.getBoolean("withdrawn"), rs.getTimestamp("offered_at").toInstant(), rs.getLong("version"));
    }
}

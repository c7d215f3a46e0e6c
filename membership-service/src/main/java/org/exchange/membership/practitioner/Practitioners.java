package org.exchange.membership.practitioner;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The practitioners membership-service knows. */
@Repository
class Practitioners {

    private static final String COLUMNS = """
            id, email, given_name, family_name, organisation_id, registered_at, job_role, region, specialisms,
            newsletter_consent, name_on_outcomes_consent, profile_updated_at, erased_at, requested_organisation_id""";

    private final JdbcClient jdbc;

    Practitioners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Practitioner> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from practitioner where id = :id")
                .param("id", id)
                .query((rs, row) -> practitioner(rs))
                .optional();
    }

    List<UUID> erased() {
        return jdbc.sql("select id from practitioner where erased_at is not null order by erased_at")
                .query(UUID.class).list();
    }

    List<Practitioner> ofOrganisation(String organisationId) {
        return byOrganisation("organisation_id", organisationId);
    }

    /** The people with the e-mail address, whatever its case, erased ones left out. */
    List<Practitioner> withEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from practitioner where lower(email) = lower(:email)"
                + " and erased_at is null order by registered_at, id")
                .param("email", email)
                .query((rs, row) -> practitioner(rs))
                .list();
    }

    /** The people asking to join the organisation, erased ones left out. */
    List<Practitioner> askingToJoin(String organisationId) {
        return byOrganisation("requested_organisation_id", organisationId);
    }

    private List<Practitioner> byOrganisation(String column, String organisationId) {
        return jdbc.sql("select " + COLUMNS + " from practitioner where " + column + " = :organisation"
                + " and erased_at is null order by family_name, given_name, id")
                .param("organisation", organisationId)
                .query((rs, row) -> practitioner(rs))
                .list();
    }

    /** Practitioners whose registration has not been announced (seeded by a migration), locked until the end. */
    List<Practitioner> unannouncedForUpdate() {
        return jdbc.sql("select " + COLUMNS + " from practitioner where not announced and erased_at is null"
                + " order by id for update skip locked")
                .query((rs, row) -> practitioner(rs))
                .list();
    }

    void markAnnounced(UUID id) {
        jdbc.sql("update practitioner set announced = true where id = :id").param("id", id).update();
    }

    /**
     * Adds a practitioner unless one with the same id exists.
     *
     * @return whether this call added them; two first requests racing each other add one profile
     */
    boolean addIfAbsent(Practitioner practitioner) {
        return jdbc.sql("""
                insert into practitioner (id, email, given_name, family_name, organisation_id, registered_at)
                values (:id, :email, :givenName, :familyName, :organisationId, :registeredAt)
                on conflict (id) do nothing""")
                .param("id", practitioner.id())
                .param("email", practitioner.email())
                .param("givenName", practitioner.givenName())
                .param("familyName", practitioner.familyName())
                .param("organisationId", practitioner.organisationId())
                .param("registeredAt", Timestamp.from(practitioner.registeredAt()))
                .update() == 1;
    }

    void save(Practitioner practitioner) {
        jdbc.sql("""
                update practitioner set email = :email, given_name = :givenName, family_name = :familyName,
                  organisation_id = :organisationId, job_role = :jobRole, region = :region,
                  specialisms = :specialisms, newsletter_consent = :newsletter,
                  name_on_outcomes_consent = :nameOnOutcomes, profile_updated_at = :updatedAt, erased_at = :erasedAt,
                  requested_organisation_id = :requestedOrganisationId
                where id = :id""")
                .param("requestedOrganisationId", practitioner.requestedOrganisationId())
                .param("id", practitioner.id())
                .param("email", practitioner.email())
                .param("givenName", practitioner.givenName())
                .param("familyName", practitioner.familyName())
                .param("organisationId", practitioner.organisationId())
                .param("jobRole", practitioner.jobRole())
                .param("region", practitioner.region())
                .param("specialisms", practitioner.specialisms().toArray(String[]::new))
                .param("newsletter", practitioner.newsletterConsent())
                .param("nameOnOutcomes", practitioner.nameOnOutcomesConsent())
                .param("updatedAt", timestamp(practitioner.profileUpdatedAt()))
                .param("erasedAt", timestamp(practitioner.erasedAt()))
                .update();
    }

    private static Practitioner practitioner(ResultSet rs) throws SQLException {
        return new Practitioner(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getString("organisation_id"),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getString("job_role"),
                rs.getString("region"),
                strings(rs.getArray("specialisms")),
                rs.getBoolean("newsletter_consent"),
                rs.getBoolean("name_on_outcomes_consent"),
                instant(rs.getTimestamp("profile_updated_at")),
                instant(rs.getTimestamp("erased_at")),
                rs.getString("requested_organisation_id"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}

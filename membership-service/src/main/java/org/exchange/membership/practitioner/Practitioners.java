package org.exchange.membership.practitioner;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The practitioners membership-service knows. */
@Repository
class Practitioners {

    private final JdbcClient jdbc;

    Practitioners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Practitioner> find(UUID id) {
        return jdbc.sql("""
                select id, email, given_name, family_name, organisation_id, registered_at
                from practitioner where id = :id""")
                .param("id", id)
                .query((rs, row) -> new Practitioner(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("given_name"),
                        rs.getString("family_name"),
                        rs.getString("organisation_id"),
                        rs.getTimestamp("registered_at").toInstant()))
                .optional();
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
}

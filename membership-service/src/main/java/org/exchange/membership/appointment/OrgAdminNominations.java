package org.exchange.membership.appointment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Org-admins named by e-mail, open, taken effect or withdrawn. */
@Repository
class OrgAdminNominations {

    private final JdbcClient jdbc;

    OrgAdminNominations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation's nominations still waiting, the earliest first. */
    List<OrgAdminNomination> open(String organisationId) {
        return jdbc.sql("""
                select * from org_admin_nomination where organisation_id = :organisation
                and withdrawn_at is null and took_effect_at is null order by named_at""")
                .param("organisation", organisationId)
                .query(OrgAdminNominations::nomination).list();
    }

    /** The open nomination of the address for the organisation, whatever its case, locked until the end. */
    Optional<OrgAdminNomination> openForUpdate(String organisationId, String email) {
        return jdbc.sql("""
                select * from org_admin_nomination where organisation_id = :organisation
                and lower(email) = lower(:email) and withdrawn_at is null and took_effect_at is null for update""")
                .param("organisation", organisationId).param("email", email)
                .query(OrgAdminNominations::nomination).optional();
    }

    Optional<OrgAdminNomination> find(String organisationId, UUID id) {
        return jdbc.sql("select * from org_admin_nomination where organisation_id = :organisation and id = :id")
                .param("organisation", organisationId).param("id", id)
                .query(OrgAdminNominations::nomination).optional();
    }

    /**
     * Adds the nomination unless an open one names the same address for the organisation.
     *
     * @return whether this call added it
     */
    boolean addIfAbsent(OrgAdminNomination nomination) {
        return jdbc.sql("""
                insert into org_admin_nomination (id, organisation_id, email, named_by, named_at)
                values (:id, :organisation, :email, :by, :at)
                on conflict do nothing""")
                .param("id", nomination.id())
                .param("organisation", nomination.organisationId())
                .param("email", nomination.email())
                .param("by", nomination.namedBy())
                .param("at", Timestamp.from(nomination.namedAt()))
                .update() == 1;
    }

    void withdraw(UUID id, UUID by, Instant at) {
        jdbc.sql("update org_admin_nomination set withdrawn_by = :by, withdrawn_at = :at where id = :id")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).update();
    }

    void tookEffect(UUID id, UUID appointmentId, Instant at) {
        jdbc.sql("update org_admin_nomination set appointment_id = :appointment, took_effect_at = :at where id = :id")
                .param("id", id).param("appointment", appointmentId).param("at", Timestamp.from(at)).update();
    }

    private static OrgAdminNomination nomination(ResultSet rs, int row) throws SQLException {
        return new OrgAdminNomination(
                rs.getObject("id", UUID.class),
                rs.getString("organisation_id"),
                rs.getString("email"),
                rs.getObject("named_by", UUID.class),
                rs.getTimestamp("named_at").toInstant(),
                rs.getObject("withdrawn_by", UUID.class),
                instant(rs.getTimestamp("withdrawn_at")),
                rs.getObject("appointment_id", UUID.class),
                instant(rs.getTimestamp("took_effect_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package org.exchange.accreditation.credential;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The credentials issued. */
@Repository
class Credentials {

    private final JdbcClient jdbc;

    Credentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credential> find(UUID id) {
        return jdbc.sql("select * from credential where id = :id").param("id", id)
                .query((rs, row) -> credential(rs)).optional();
    }

    Optional<Credential> ofEnrolment(UUID enrolmentId) {
        return jdbc.sql("select * from credential where enrolment_id = :e").param("e", enrolmentId)
                .query((rs, row) -> credential(rs)).optional();
    }

    /** Adds the credential unless the enrolment has one already (two first downloads at once keep one). */
    void add(Credential credential, Instant at) {
        jdbc.sql("""
                insert into credential (id, enrolment_id, holder_name, achievement, issued_on, jwt, issued_at)
                values (:id, :e, :holder, :achievement, :issuedOn, :jwt, :at)
                on conflict (enrolment_id) do nothing""")
                .param("id", credential.id()).param("e", credential.enrolmentId())
                .param("holder", credential.holderName()).param("achievement", credential.achievement())
                .param("issuedOn", Date.valueOf(credential.issuedOn())).param("jwt", credential.jwt())
                .param("at", Timestamp.from(at)).update();
    }

    void revoke(UUID id, java.time.LocalDate on, String reason) {
        jdbc.sql("update credential set revoked_on = :on, revoked_reason = :reason where id = :id")
                .param("id", id).param("on", Date.valueOf(on)).param("reason", reason).update();
    }

    /** Forgets the holder's name on their credentials; the signed credential names them by subject id only. */
    void forgetHolder(UUID practitionerId) {
        jdbc.sql("""
                update credential set holder_name = null
                where enrolment_id in (select id from enrolment where candidate_id = :person)""")
                .param("person", practitionerId).update();
    }

    private static Credential credential(ResultSet rs) throws SQLException {
        Date revokedOn = rs.getDate("revoked_on");
        return new Credential(rs.getObject("id", UUID.class), rs.getObject("enrolment_id", UUID.class),
                rs.getString("holder_name"), rs.getString("achievement"), rs.getDate("issued_on").toLocalDate(),
                rs.getString("jwt"), revokedOn == null ? null : revokedOn.toLocalDate(),
                rs.getString("revoked_reason"));
    }
}

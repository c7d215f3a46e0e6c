package org.exchange.membership.membership;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memberships, their audit trail, and the awards that make people eligible. */
@Repository
class Memberships {

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Membership> find(UUID id) {
        return jdbc.sql("select * from membership where id = :id").param("id", id)
                .query((rs, row) -> membership(rs)).optional();
    }

    Optional<Membership> ofPractitioner(UUID practitionerId) {
        return jdbc.sql("select * from membership where practitioner_id = :practitioner")
                .param("practitioner", practitionerId).query((rs, row) -> membership(rs)).optional();
    }

    Optional<Membership> ofInvoice(UUID invoiceId) {
        return jdbc.sql("select * from membership where invoice_id = :invoice").param("invoice", invoiceId)
                .query((rs, row) -> membership(rs)).optional();
    }

    List<Membership> withStatus(Collection<MembershipStatus> statuses) {
        return jdbc.sql("select * from membership where status in (:statuses) order by expires_on, applied_at")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query((rs, row) -> membership(rs)).list();
    }

    List<Membership> expiringBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select * from membership where expires_on between :from and :to and status in (:statuses)
                order by expires_on""")
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("statuses", MembershipStatus.MEMBERS.stream().map(Enum::name).toList())
                .query((rs, row) -> membership(rs)).list();
    }

    /** Members whose membership ends on or before a day: candidates for a renewal reminder or a lapse. */
    List<Membership> membersExpiringBy(LocalDate day) {
        return jdbc.sql("select * from membership where status in (:statuses) and expires_on <= :day")
                .param("statuses", MembershipStatus.MEMBERS.stream().map(Enum::name).toList())
                .param("day", Date.valueOf(day))
                .query((rs, row) -> membership(rs)).list();
    }

    void add(Membership membership) {
        jdbc.sql("""
                insert into membership (id, practitioner_id, status, basis, evidence, applied_at, version)
                values (:id, :practitioner, :status, :basis, :evidence, :appliedAt, 0)""")
                .param("id", membership.id())
                .param("practitioner", membership.practitionerId())
                .param("status", membership.status().name())
                .param("basis", membership.basis().name())
                .param("evidence", membership.evidence())
                .param("appliedAt", Timestamp.from(membership.appliedAt()))
                .update();
    }

    /** Saves a change made to the version read; refuses it when someone else changed the membership meanwhile. */
    Membership update(Membership membership) {
        int updated = jdbc.sql("""
                update membership set status = :status, basis = :basis, evidence = :evidence,
                  renewal_statement = :statement, started_on = :startedOn, expires_on = :expiresOn,
                  invoice_id = :invoice, applied_at = :appliedAt, renewal_reminders_sent = :reminders,
                  version = version + 1
                where id = :id and version = :version""")
                .param("id", membership.id())
                .param("status", membership.status().name())
                .param("basis", membership.basis().name())
                .param("evidence", membership.evidence())
                .param("statement", membership.renewalStatement())
                .param("startedOn", membership.startedOn() == null ? null : Date.valueOf(membership.startedOn()))
                .param("expiresOn", membership.expiresOn() == null ? null : Date.valueOf(membership.expiresOn()))
                .param("invoice", membership.invoiceId())
                .param("appliedAt", Timestamp.from(membership.appliedAt()))
                .param("reminders", membership.remindersSent())
                .param("version", membership.version())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("Membership " + membership.id() + " changed meanwhile");
        }
        return find(membership.id()).orElseThrow();
    }

    void record(Transition transition) {
        jdbc.sql("""
                insert into membership_transition (membership_id, from_status, to_status, actor, reason, at)
                values (:membership, :from, :to, :actor, :reason, :at)""")
                .param("membership", transition.membershipId())
                .param("from", transition.from() == null ? null : transition.from().name())
                .param("to", transition.to().name())
                .param("actor", transition.actor())
                .param("reason", transition.reason())
                .param("at", Timestamp.from(transition.at()))
                .update();
    }

    List<Transition> history(UUID membershipId) {
        return jdbc.sql("select * from membership_transition where membership_id = :membership order by id")
                .param("membership", membershipId)
                .query((rs, row) -> new Transition(rs.getObject("membership_id", UUID.class),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("actor"), rs.getString("reason"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Drops what a person wrote about themselves in their application, renewal and the reasons given them. */
    void erasePersonalData(UUID practitionerId) {
        jdbc.sql("update membership set evidence = null, renewal_statement = null where practitioner_id = :p")
                .param("p", practitionerId).update();
        jdbc.sql("""
                update membership_transition set reason = null
                where membership_id in (select id from membership where practitioner_id = :p)""")
                .param("p", practitionerId).update();
    }

    void addAward(UUID enrolmentId, UUID practitionerId, String programmeCode, String programmeTitle,
            LocalDate awardedOn) {
        jdbc.sql("""
                insert into award_held (enrolment_id, practitioner_id, programme_code, programme_title, awarded_on)
                values (:enrolment, :practitioner, :code, :title, :awardedOn) on conflict (enrolment_id) do nothing""")
                .param("enrolment", enrolmentId)
                .param("practitioner", practitionerId)
                .param("code", programmeCode)
                .param("title", programmeTitle)
                .param("awardedOn", Date.valueOf(awardedOn))
                .update();
    }

    /** The title of the first ILM award the practitioner holds, if any. */
    Optional<String> awardHeldBy(UUID practitionerId) {
        return jdbc.sql("select programme_title from award_held where practitioner_id = :p order by awarded_on limit 1")
                .param("p", practitionerId).query(String.class).optional();
    }

    private static MembershipStatus status(String name) {
        return name == null ? null : MembershipStatus.valueOf(name);
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        Date startedOn = rs.getDate("started_on");
        Date expiresOn = rs.getDate("expires_on");
        return new Membership(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                MembershipStatus.valueOf(rs.getString("status")), EligibilityBasis.valueOf(rs.getString("basis")),
                rs.getString("evidence"), rs.getString("renewal_statement"),
                startedOn == null ? null : startedOn.toLocalDate(), expiresOn == null ? null : expiresOn.toLocalDate(),
                rs.getObject("invoice_id", UUID.class), rs.getTimestamp("applied_at").toInstant(),
                rs.getInt("renewal_reminders_sent"), rs.getInt("version"));
    }
}

package org.exchange.accreditation.enrolment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolments. */
@Repository
class Enrolments {

    private final JdbcClient jdbc;

    Enrolments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Enrolment> find(UUID id) {
        return jdbc.sql("select * from enrolment where id = :id").param("id", id)
                .query((rs, row) -> enrolment(rs)).optional();
    }

    /** Locks the enrolment for the rest of the transaction, so concurrent changes to it queue up. */
    Optional<Enrolment> lock(UUID id) {
        return jdbc.sql("select * from enrolment where id = :id for update").param("id", id)
                .query((rs, row) -> enrolment(rs)).optional();
    }

    List<Enrolment> ofCandidate(UUID candidateId) {
        return jdbc.sql("select * from enrolment where candidate_id = :candidate order by applied_at desc")
                .param("candidate", candidateId).query((rs, row) -> enrolment(rs)).list();
    }

    /** Every enrolment, or those in the given statuses, oldest application first. */
    List<Enrolment> withStatus(Collection<EnrolmentStatus> statuses) {
        return jdbc.sql("select * from enrolment where status in (:statuses) order by applied_at")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query((rs, row) -> enrolment(rs)).list();
    }

    /** Enrolments an assessor observed a workshop for, or sits on the panel of. */
    List<Enrolment> assessedBy(UUID assessorId) {
        return jdbc.sql("""
                select * from enrolment e
                where e.academy_assessor_id = :assessor or e.organisation_assessor_id = :assessor
                   or exists (select 1 from observation o where o.enrolment_id = e.id and o.assessor_id = :assessor)
                order by e.applied_at""")
                .param("assessor", assessorId).query((rs, row) -> enrolment(rs)).list();
    }

    /** Enrolments still building their portfolio whose candidate's name contains the text. */
    List<Enrolment> building(String nameContains) {
        return jdbc.sql("""
                select e.* from enrolment e left join person p on p.person_id = e.candidate_id
                where e.status in ('ENROLLED', 'IN_PROGRESS', 'READY_FOR_ASSESSMENT') and not e.erased
                  and (cast(:q as text) is null
                       or concat_ws(' ', p.given_name, p.family_name) ilike '%' || cast(:q as text) || '%')
                order by p.family_name, p.given_name limit 50""")
                .param("q", nameContains == null || nameContains.isBlank() ? null : nameContains.strip())
                .query((rs, row) -> enrolment(rs)).list();
    }

    void add(Enrolment enrolment) {
        jdbc.sql("""
                insert into enrolment (id, candidate_id, candidate_organisation_id, programme_code, programme_version,
                  status, applied_at, status_changed_at)
                values (:id, :candidate, :organisation, :code, :version, :status, :appliedAt, :changedAt)""")
                .param("id", enrolment.id())
                .param("candidate", enrolment.candidateId())
                .param("organisation", enrolment.candidateOrganisationId())
                .param("code", enrolment.programmeCode())
                .param("version", enrolment.programmeVersion())
                .param("status", enrolment.status().name())
                .param("appliedAt", Timestamp.from(enrolment.appliedAt()))
                .param("changedAt", Timestamp.from(enrolment.statusChangedAt()))
                .update();
    }

    void update(Enrolment e) {
        jdbc.sql("""
                update enrolment set status = :status, enrolled_on = :enrolledOn, decided_by = :decidedBy,
                  decision_reason = :reason, coach_id = :coach, academy_assessor_id = :academy,
                  organisation_assessor_id = :organisation, awarded_on = :awardedOn, ilm_reference = :reference,
                  status_changed_at = :changedAt, erased = :erased
                where id = :id""")
                .param("id", e.id())
                .param("status", e.status().name())
                .param("enrolledOn", e.enrolledOn() == null ? null : Date.valueOf(e.enrolledOn()))
                .param("decidedBy", e.decidedBy())
                .param("reason", e.decisionReason())
                .param("coach", e.coachId())
                .param("academy", e.academyAssessorId())
                .param("organisation", e.organisationAssessorId())
                .param("awardedOn", e.awardedOn() == null ? null : Date.valueOf(e.awardedOn()))
                .param("reference", e.ilmReference())
                .param("changedAt", Timestamp.from(e.statusChangedAt()))
                .param("erased", e.erased())
                .update();
    }

    private static Enrolment enrolment(ResultSet rs) throws SQLException {
        Date enrolledOn = rs.getDate("enrolled_on");
        Date awardedOn = rs.getDate("awarded_on");
        return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("candidate_id", UUID.class),
                rs.getString("candidate_organisation_id"), rs.getString("programme_code"),
                rs.getInt("programme_version"), EnrolmentStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("applied_at").toInstant(), enrolledOn == null ? null : enrolledOn.toLocalDate(),
                rs.getObject("decided_by", UUID.class), rs.getString("decision_reason"),
                rs.getObject("coach_id", UUID.class), rs.getObject("academy_assessor_id", UUID.class),
                rs.getObject("organisation_assessor_id", UUID.class),
                awardedOn == null ? null : awardedOn.toLocalDate(), rs.getString("ilm_reference"),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getBoolean("erased"));
    }
}

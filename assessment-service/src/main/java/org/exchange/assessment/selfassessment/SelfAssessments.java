package org.exchange.assessment.selfassessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exchange.assessment.directory.EvidenceKind;
import org.exchange.assessment.framework.CareerStage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Practitioners' self-assessments with their ratings, focus standards and evidence links. */
@Repository
class SelfAssessments {

    private final JdbcClient jdbc;

    SelfAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an assessment as it now is, replacing what was stored for it before. */
    void save(SelfAssessment assessment) {
        jdbc.sql("""
                insert into self_assessment (id, practitioner_id, edition_id, kind, status, career_stage,
                                             development_goals, started_at, updated_at, submitted_at)
                values (:id, :practitioner, :edition, :kind, :status, :stage, :goals, :started, :updated, :submitted)
                on conflict (id) do update
                  set status = excluded.status, career_stage = excluded.career_stage,
                      development_goals = excluded.development_goals, updated_at = excluded.updated_at,
                      submitted_at = excluded.submitted_at""")
                .param("id", assessment.id())
                .param("practitioner", assessment.practitionerId())
                .param("edition", assessment.editionId())
                .param("kind", assessment.kind().name())
                .param("status", assessment.status().name())
                .param("stage", assessment.careerStage() == null ? null : assessment.careerStage().name())
                .param("goals", assessment.developmentGoals())
                .param("started", Timestamp.from(assessment.startedAt()))
                .param("updated", Timestamp.from(assessment.updatedAt()))
                .param("submitted", assessment.submittedAt() == null ? null : Timestamp.from(assessment.submittedAt()))
                .update();
        for (String table : List.of("rating", "focus_standard", "evidence_link")) {
            jdbc.sql("delete from " + table + " where assessment_id = :id").param("id", assessment.id()).update();
        }
        assessment.ratings().values().forEach(rating -> {
            jdbc.sql("""
                    insert into rating (assessment_id, standard_id, score, comment)
                    values (:id, :standard, :score, :comment)""")
                    .param("id", assessment.id()).param("standard", rating.standardId())
                    .param("score", rating.score()).param("comment", rating.comment())
                    .update();
            rating.evidence().stream().distinct().forEach(evidence -> jdbc.sql("""
                    insert into evidence_link (assessment_id, standard_id, kind, evidence_id)
                    values (:id, :standard, :kind, :evidence)""")
                    .param("id", assessment.id()).param("standard", rating.standardId())
                    .param("kind", evidence.kind().name()).param("evidence", evidence.id())
                    .update());
        });
        List<String> focus = assessment.focusStandards();
        for (int position = 0; position < focus.size(); position++) {
            jdbc.sql("insert into focus_standard (assessment_id, standard_id, position) values (:id, :standard, :p)")
                    .param("id", assessment.id()).param("standard", focus.get(position)).param("p", position)
                    .update();
        }
    }

    void delete(UUID assessmentId) {
        jdbc.sql("delete from self_assessment where id = :id").param("id", assessmentId).update();
    }

    /** The practitioner's draft. */
    Optional<SelfAssessment> draftOf(UUID practitionerId) {
        return load("select * from self_assessment where practitioner_id = :practitioner and status = 'DRAFT'",
                Map.of("practitioner", practitionerId)).stream().findFirst();
    }

    /** The practitioner's draft, locked against a concurrent save or submission. */
    Optional<SelfAssessment> lockDraftOf(UUID practitionerId) {
        return load("""
                select * from self_assessment where practitioner_id = :practitioner and status = 'DRAFT'
                for update""", Map.of("practitioner", practitionerId)).stream().findFirst();
    }

    /** The practitioner's submitted assessments, oldest first. */
    List<SelfAssessment> submittedBy(UUID practitionerId) {
        return load("""
                select * from self_assessment where practitioner_id = :practitioner and status = 'SUBMITTED'
                order by submitted_at""", Map.of("practitioner", practitionerId));
    }

    Optional<SelfAssessment> find(UUID assessmentId) {
        return load("select * from self_assessment where id = :id", Map.of("id", assessmentId)).stream().findFirst();
    }

    /** Whether the practitioner has submitted a baseline. */
    boolean hasBaseline(UUID practitionerId) {
        return jdbc.sql("""
                select count(*) from self_assessment
                where practitioner_id = :practitioner and kind = 'BASELINE' and status = 'SUBMITTED'""")
                .param("practitioner", practitionerId).query(Integer.class).single() > 0;
    }

    /** Removes every assessment of the person, with its ratings, comments and evidence links. */
    int eraseAllOf(UUID practitionerId) {
        jdbc.sql("delete from assessment_due where practitioner_id = :practitioner")
                .param("practitioner", practitionerId).update();
        return jdbc.sql("delete from self_assessment where practitioner_id = :practitioner")
                .param("practitioner", practitionerId).update();
    }

    /** Records that an assessment is due; answers whether it was not due already for that group. */
    boolean markDue(UUID practitionerId, AssessmentKind kind, UUID groupId, Instant since) {
        return jdbc.sql("""
                insert into assessment_due (practitioner_id, kind, group_id, due_since)
                values (:practitioner, :kind, :group, :since) on conflict do nothing""")
                .param("practitioner", practitionerId).param("kind", kind.name()).param("group", groupId)
                .param("since", Timestamp.from(since))
                .update() > 0;
    }

    /** What is due for the practitioner, with the group that prompted it. */
    List<Due> dueFor(UUID practitionerId) {
        return jdbc.sql("""
                select kind, group_id, due_since from assessment_due where practitioner_id = :practitioner
                order by due_since""")
                .param("practitioner", practitionerId)
                .query((rs, row) -> new Due(AssessmentKind.valueOf(rs.getString("kind")),
                        rs.getObject("group_id", UUID.class), rs.getTimestamp("due_since").toInstant()))
                .list();
    }

    /** What was due of this kind is done. */
    void clearDue(UUID practitionerId, AssessmentKind kind) {
        jdbc.sql("delete from assessment_due where practitioner_id = :practitioner and kind = :kind")
                .param("practitioner", practitionerId).param("kind", kind.name()).update();
    }

    /** Something due: a baseline or a review, prompted by a group. */
    record Due(AssessmentKind kind, UUID groupId, Instant since) {
    }

    private List<SelfAssessment> load(String sql, Map<String, Object> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(SelfAssessments::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, Map<String, List<Rating.Evidence>>> evidence = evidenceOf(ids);
        Map<UUID, Map<String, Rating>> ratings = new HashMap<>();
        jdbc.sql("select assessment_id, standard_id, score, comment from rating where assessment_id in (:ids)")
                .param("ids", ids)
                .query((rs, row) -> {
                    UUID id = rs.getObject("assessment_id", UUID.class);
                    String standard = rs.getString("standard_id");
                    Rating rating = new Rating(standard, rs.getObject("score", Integer.class), rs.getString("comment"),
                            evidence.getOrDefault(id, Map.of()).getOrDefault(standard, List.of()));
                    ratings.computeIfAbsent(id, key -> new java.util.TreeMap<>()).put(standard, rating);
                    return rating;
                }).list();
        Map<UUID, List<String>> focus = new HashMap<>();
        jdbc.sql("""
                select assessment_id, standard_id from focus_standard where assessment_id in (:ids)
                order by position""")
                .param("ids", ids)
                .query((rs, row) -> focus.computeIfAbsent(rs.getObject("assessment_id", UUID.class),
                        key -> new ArrayList<>()).add(rs.getString("standard_id")))
                .list();
        return rows.stream().map(row -> new SelfAssessment(row.id(), row.practitionerId(), row.editionId(),
                row.kind(), row.status(), row.careerStage(), ratings.getOrDefault(row.id(), Map.of()),
                focus.getOrDefault(row.id(), List.of()), row.developmentGoals(), row.startedAt(), row.updatedAt(),
                row.submittedAt())).toList();
    }

    private Map<UUID, Map<String, List<Rating.Evidence>>> evidenceOf(Collection<UUID> ids) {
        Map<UUID, Map<String, List<Rating.Evidence>>> evidence = new HashMap<>();
        jdbc.sql("""
                select assessment_id, standard_id, kind, evidence_id from evidence_link
                where assessment_id in (:ids)""")
                .param("ids", ids)
                .query((rs, row) -> evidence.computeIfAbsent(rs.getObject("assessment_id", UUID.class),
                                key -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString("standard_id"), key -> new ArrayList<>())
                        .add(new Rating.Evidence(EvidenceKind.valueOf(rs.getString("kind")),
                                rs.getObject("evidence_id", UUID.class))))
                .list();
        return evidence;
    }

    private record Row(UUID id, UUID practitionerId, String editionId, AssessmentKind kind,
            SelfAssessment.Status status, CareerStage careerStage, String developmentGoals, Instant startedAt,
            Instant updatedAt, Instant submittedAt) {
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String stage = rs.getString("career_stage");
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                rs.getString("edition_id"), AssessmentKind.valueOf(rs.getString("kind")),
                SelfAssessment.Status.valueOf(rs.getString("status")),
                stage == null ? null : CareerStage.valueOf(stage), rs.getString("development_goals"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                submitted == null ? null : submitted.toInstant());
    }
}

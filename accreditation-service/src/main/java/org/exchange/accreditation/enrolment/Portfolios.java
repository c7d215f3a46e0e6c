package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.exchange.accreditation.enrolment.PortfolioRecords.CpdCommitment;
import org.exchange.accreditation.enrolment.PortfolioRecords.Decision;
import org.exchange.accreditation.enrolment.PortfolioRecords.DevelopmentPlan;
import org.exchange.accreditation.enrolment.PortfolioRecords.Evidence;
import org.exchange.accreditation.enrolment.PortfolioRecords.EvidenceFile;
import org.exchange.accreditation.enrolment.PortfolioRecords.Goal;
import org.exchange.accreditation.enrolment.PortfolioRecords.HoursEntry;
import org.exchange.accreditation.enrolment.PortfolioRecords.Observation;
import org.exchange.accreditation.enrolment.PortfolioRecords.Recommendation;
import org.exchange.accreditation.enrolment.PortfolioRecords.Reflection;
import org.exchange.accreditation.enrolment.PortfolioRecords.Revision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What a portfolio holds: hours and evidence, the development plan, reflections, the CPD commitment, observations and recommendations. */
@Repository
class Portfolios {

    static final String DEVELOPMENT_PLAN = "DEVELOPMENT_PLAN";
    static final String CPD_COMMITMENT = "CPD_COMMITMENT";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Portfolios(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // hours and evidence

    void addHours(UUID enrolmentId, HoursEntry entry) {
        jdbc.sql("""
                insert into hours_entry (id, enrolment_id, category, hours, occurred_on, description, logged_at)
                values (:id, :enrolment, :category, :hours, :occurredOn, :description, :at)""")
                .param("id", entry.id()).param("enrolment", enrolmentId).param("category", entry.category().name())
                .param("hours", entry.hours()).param("occurredOn", Date.valueOf(entry.occurredOn()))
                .param("description", entry.description()).param("at", Timestamp.from(entry.loggedAt()))
                .update();
    }

    boolean deleteHours(UUID enrolmentId, UUID entryId) {
        return jdbc.sql("delete from hours_entry where id = :id and enrolment_id = :enrolment")
                .param("id", entryId).param("enrolment", enrolmentId).update() > 0;
    }

    boolean hasHoursEntry(UUID enrolmentId, UUID entryId) {
        return jdbc.sql("select count(*) from hours_entry where id = :id and enrolment_id = :enrolment")
                .param("id", entryId).param("enrolment", enrolmentId).query(Integer.class).single() > 0;
    }

    List<HoursEntry> hours(UUID enrolmentId) {
        Map<UUID, List<Evidence>> evidence = new HashMap<>();
        jdbc.sql("""
                select id, hours_entry_id, file_name, media_type, size_bytes, uploaded_at from evidence
                where enrolment_id = :enrolment order by uploaded_at""")
                .param("enrolment", enrolmentId)
                .query((rs, row) -> new Evidence(rs.getObject("id", UUID.class),
                        rs.getObject("hours_entry_id", UUID.class), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getInt("size_bytes"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list().forEach(e -> evidence.computeIfAbsent(e.hoursEntryId(), k -> new ArrayList<>()).add(e));
        return jdbc.sql("""
                select * from hours_entry where enrolment_id = :enrolment order by occurred_on desc, logged_at desc""")
                .param("enrolment", enrolmentId)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new HoursEntry(id, HoursCategory.valueOf(rs.getString("category")),
                            rs.getBigDecimal("hours").stripTrailingZeros(), rs.getDate("occurred_on").toLocalDate(),
                            rs.getString("description"), rs.getTimestamp("logged_at").toInstant(),
                            evidence.getOrDefault(id, List.of()));
                }).list();
    }

    Map<String, BigDecimal> hoursByCategory(UUID enrolmentId) {
        Map<String, BigDecimal> result = new HashMap<>();
        jdbc.sql("select category, sum(hours) as total from hours_entry where enrolment_id = :enrolment group by category")
                .param("enrolment", enrolmentId)
                .query(rs -> {
                    result.put(rs.getString("category"), rs.getBigDecimal("total"));
                });
        return result;
    }

    void addEvidence(UUID enrolmentId, Evidence evidence, byte[] content) {
        jdbc.sql("""
                insert into evidence (id, hours_entry_id, enrolment_id, file_name, media_type, size_bytes, content,
                                      uploaded_at)
                values (:id, :entry, :enrolment, :name, :type, :size, :content, :at)""")
                .param("id", evidence.id()).param("entry", evidence.hoursEntryId()).param("enrolment", enrolmentId)
                .param("name", evidence.fileName()).param("type", evidence.mediaType())
                .param("size", evidence.sizeBytes()).param("content", content)
                .param("at", Timestamp.from(evidence.uploadedAt()))
                .update();
    }

    Optional<EvidenceFile> evidenceFile(UUID enrolmentId, UUID evidenceId) {
        return jdbc.sql("select file_name, media_type, content from evidence where id = :id and enrolment_id = :enrolment")
                .param("id", evidenceId).param("enrolment", enrolmentId)
                .query((rs, row) -> new EvidenceFile(rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content"))).optional();
    }

    // development plan, reflections, CPD commitment

    int savePlan(UUID enrolmentId, List<Goal> goals, java.time.Instant at) {
        int revision = jdbc.sql("select coalesce(max(revision), 0) + 1 from development_plan where enrolment_id = :e")
                .param("e", enrolmentId).query(Integer.class).single();
        jdbc.sql("""
                insert into development_plan (enrolment_id, revision, goals, saved_at)
                values (:e, :revision, cast(:goals as jsonb), :at)""")
                .param("e", enrolmentId).param("revision", revision).param("goals", json.writeValueAsString(goals))
                .param("at", Timestamp.from(at)).update();
        return revision;
    }

    Optional<DevelopmentPlan> plan(UUID enrolmentId) {
        List<Revision> revisions = jdbc.sql("""
                select revision, jsonb_array_length(goals) as goals, saved_at from development_plan
                where enrolment_id = :e order by revision""")
                .param("e", enrolmentId)
                .query((rs, row) -> new Revision(rs.getInt("revision"), rs.getInt("goals"),
                        rs.getTimestamp("saved_at").toInstant())).list();
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        Revision latest = revisions.getLast();
        String goals = jdbc.sql("select goals::text from development_plan where enrolment_id = :e and revision = :r")
                .param("e", enrolmentId).param("r", latest.revision()).query(String.class).single();
        return Optional.of(new DevelopmentPlan(latest.revision(),
                json.readValue(goals, new TypeReference<List<Goal>>() { }), latest.savedAt(), revisions));
    }

    void addReflection(UUID enrolmentId, Reflection reflection) {
        jdbc.sql("insert into reflection (id, enrolment_id, title, text, written_at) values (:id, :e, :title, :text, :at)")
                .param("id", reflection.id()).param("e", enrolmentId).param("title", reflection.title())
                .param("text", reflection.text()).param("at", Timestamp.from(reflection.writtenAt())).update();
    }

    List<Reflection> reflections(UUID enrolmentId) {
        return jdbc.sql("select * from reflection where enrolment_id = :e order by written_at desc")
                .param("e", enrolmentId)
                .query((rs, row) -> new Reflection(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("text"), rs.getTimestamp("written_at").toInstant())).list();
    }

    void commit(UUID enrolmentId, CpdCommitment commitment) {
        jdbc.sql("""
                insert into cpd_commitment (enrolment_id, statement, committed_at) values (:e, :statement, :at)
                on conflict (enrolment_id) do update set statement = excluded.statement,
                  committed_at = excluded.committed_at""")
                .param("e", enrolmentId).param("statement", commitment.statement())
                .param("at", Timestamp.from(commitment.committedAt())).update();
    }

    Optional<CpdCommitment> commitment(UUID enrolmentId) {
        return jdbc.sql("select statement, committed_at from cpd_commitment where enrolment_id = :e")
                .param("e", enrolmentId)
                .query((rs, row) -> new CpdCommitment(rs.getString("statement"),
                        rs.getTimestamp("committed_at").toInstant())).optional();
    }

    /** The documents present in the portfolio, as the requirements name them. */
    Set<String> documents(UUID enrolmentId) {
        Set<String> documents = new HashSet<>();
        if (plan(enrolmentId).filter(plan -> !plan.goals().isEmpty()).isPresent()) {
            documents.add(DEVELOPMENT_PLAN);
        }
        if (commitment(enrolmentId).isPresent()) {
            documents.add(CPD_COMMITMENT);
        }
        return documents;
    }

    /** Whether the candidate has put anything in the portfolio yet. */
    boolean anything(UUID enrolmentId) {
        return jdbc.sql("""
                select (exists (select 1 from hours_entry where enrolment_id = :e)
                     or exists (select 1 from development_plan where enrolment_id = :e)
                     or exists (select 1 from reflection where enrolment_id = :e)
                     or exists (select 1 from cpd_commitment where enrolment_id = :e))""")
                .param("e", enrolmentId).query(Boolean.class).single();
    }

    // observations and recommendations

    void addObservation(Observation o) {
        jdbc.sql("""
                insert into observation (id, enrolment_id, meeting_id, assessor_id, observed_on, seen, feedback, counts,
                                         recorded_at)
                values (:id, :e, :meeting, :assessor, :observedOn, :seen, :feedback, :counts, :at)""")
                .param("id", o.id()).param("e", o.enrolmentId()).param("meeting", o.meetingId())
                .param("assessor", o.assessorId()).param("observedOn", Date.valueOf(o.observedOn()))
                .param("seen", o.seen()).param("feedback", o.feedback()).param("counts", o.counts())
                .param("at", Timestamp.from(o.recordedAt())).update();
    }

    List<Observation> observations(UUID enrolmentId) {
        return jdbc.sql("select * from observation where enrolment_id = :e order by observed_on, recorded_at")
                .param("e", enrolmentId)
                .query((rs, row) -> new Observation(rs.getObject("id", UUID.class),
                        rs.getObject("enrolment_id", UUID.class), rs.getObject("meeting_id", UUID.class),
                        rs.getObject("assessor_id", UUID.class), rs.getDate("observed_on").toLocalDate(),
                        rs.getString("seen"), rs.getString("feedback"), rs.getBoolean("counts"),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    void recommend(UUID enrolmentId, Recommendation recommendation) {
        jdbc.sql("""
                insert into recommendation (enrolment_id, assessor_id, decision, reasons, recorded_at)
                values (:e, :assessor, :decision, :reasons, :at)
                on conflict (enrolment_id, assessor_id) do update set decision = excluded.decision,
                  reasons = excluded.reasons, recorded_at = excluded.recorded_at""")
                .param("e", enrolmentId).param("assessor", recommendation.assessorId())
                .param("decision", recommendation.decision().name()).param("reasons", recommendation.reasons())
                .param("at", Timestamp.from(recommendation.recordedAt())).update();
    }

    List<Recommendation> recommendations(UUID enrolmentId) {
        return jdbc.sql("select * from recommendation where enrolment_id = :e order by recorded_at")
                .param("e", enrolmentId)
                .query((rs, row) -> new Recommendation(rs.getObject("assessor_id", UUID.class),
                        Decision.valueOf(rs.getString("decision")), rs.getString("reasons"),
                        rs.getTimestamp("recorded_at").toInstant())).list();
    }

    /** Removes the recommendations of people no longer on the panel. */
    void keepRecommendationsOf(UUID enrolmentId, Collection<UUID> panel) {
        jdbc.sql("delete from recommendation where enrolment_id = :e and assessor_id not in (:panel)")
                .param("e", enrolmentId).param("panel", panel).update();
    }

    /** Removes the candidate's own words and files; the hours, dates and decisions stay, so counts still add up. */
    void erase(UUID enrolmentId) {
        jdbc.sql("delete from evidence where enrolment_id = :e").param("e", enrolmentId).update();
        jdbc.sql("update hours_entry set description = null where enrolment_id = :e").param("e", enrolmentId).update();
        jdbc.sql("update development_plan set goals = '[]'::jsonb where enrolment_id = :e").param("e", enrolmentId)
                .update();
        jdbc.sql("update reflection set title = '(erased)', text = '(erased)' where enrolment_id = :e")
                .param("e", enrolmentId).update();
        jdbc.sql("update cpd_commitment set statement = '(erased)' where enrolment_id = :e").param("e", enrolmentId)
                .update();
        jdbc.sql("update observation set seen = '(erased)', feedback = '(erased)' where enrolment_id = :e")
                .param("e", enrolmentId).update();
        jdbc.sql("update recommendation set reasons = '(erased)' where enrolment_id = :e").param("e", enrolmentId)
                .update();
    }
}

package org.exchange.exchange.research;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trials, observations and evaluations of groups' action research. */
@Repository
class ResearchRecords {

    private static final String TRIAL_COLUMNS = "id, group_id, practitioner_id, method, aim, started_on, recorded_at";

    private final JdbcClient jdbc;

    ResearchRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ActionResearch.Trial trial) {
        jdbc.sql("""
                insert into research_trial (id, group_id, practitioner_id, method, aim, started_on, recorded_at)
                values (:id, :group, :person, :method, :aim, :started, :at)""")
                .param("id", trial.id()).param("group", trial.groupId()).param("person", trial.practitionerId())
                .param("method", trial.method()).param("aim", trial.aim())
                .param("started", Date.valueOf(trial.startedOn())).param("at", Timestamp.from(trial.recordedAt()))
                .update();
    }

    void add(ActionResearch.Observation observation) {
        jdbc.sql("""
                insert into research_observation (id, trial_id, practitioner_id, observed_on, observation, recorded_at)
                values (:id, :trial, :person, :on, :text, :at)""")
                .param("id", observation.id()).param("trial", observation.trialId())
                .param("person", observation.practitionerId()).param("on", Date.valueOf(observation.observedOn()))
                .param("text", observation.observation()).param("at", Timestamp.from(observation.recordedAt()))
                .update();
    }

    void add(ActionResearch.Evaluation evaluation) {
        jdbc.sql("""
                insert into research_evaluation (id, group_id, evaluated_by, what_works, what_did_not, next_steps,
                                                 recorded_at)
                values (:id, :group, :by, :works, :didNot, :next, :at)""")
                .param("id", evaluation.id()).param("group", evaluation.groupId())
                .param("by", evaluation.evaluatedBy()).param("works", evaluation.whatWorks())
                .param("didNot", evaluation.whatDidNot()).param("next", evaluation.nextSteps())
                .param("at", Timestamp.from(evaluation.recordedAt()))
                .update();
    }

    Optional<ActionResearch.Trial> trial(UUID id) {
        return jdbc.sql("select " + TRIAL_COLUMNS + " from research_trial where id = :id")
                .param("id", id)
                .query((rs, row) -> trial(rs))
                .optional();
    }

    List<ActionResearch.Trial> trials(UUID groupId) {
        return jdbc.sql("select " + TRIAL_COLUMNS
                + " from research_trial where group_id = :group order by started_on, recorded_at")
                .param("group", groupId)
                .query((rs, row) -> trial(rs))
                .list();
    }

    List<ActionResearch.Observation> observations(UUID trialId) {
        return jdbc.sql("""
                select id, trial_id, practitioner_id, observed_on, observation, recorded_at
                from research_observation where trial_id = :trial order by observed_on, recorded_at""")
                .param("trial", trialId)
                .query((rs, row) -> new ActionResearch.Observation(rs.getObject("id", UUID.class),
                        rs.getObject("trial_id", UUID.class), rs.getObject("practitioner_id", UUID.class),
                        rs.getDate("observed_on").toLocalDate(), rs.getString("observation"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    List<ActionResearch.Evaluation> evaluations(UUID groupId) {
        return jdbc.sql("""
                select id, group_id, evaluated_by, what_works, what_did_not, next_steps, recorded_at
                from research_evaluation where group_id = :group order by recorded_at""")
                .param("group", groupId)
                .query((rs, row) -> new ActionResearch.Evaluation(rs.getObject("id", UUID.class),
                        rs.getObject("group_id", UUID.class), rs.getObject("evaluated_by", UUID.class),
                        rs.getString("what_works"), rs.getString("what_did_not"), rs.getString("next_steps"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static ActionResearch.Trial trial(ResultSet rs) throws SQLException {
        return new ActionResearch.Trial(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getObject("practitioner_id", UUID.class), rs.getString("method"), rs.getString("aim"),
                rs.getDate("started_on").toLocalDate(), rs.getTimestamp("recorded_at").toInstant());
    }

    /** Deletes the observations a person recorded; trials stay as the group's record, under their subject id only. */
    int deleteObservationsOf(UUID personId) {
        return jdbc.sql("delete from research_observation where practitioner_id = :person").param("person", personId)
                .update();
    }
}

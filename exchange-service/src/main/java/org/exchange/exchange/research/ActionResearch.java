package org.exchange.exchange.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A group's action research: the trials its members run, what they observe, and what the group concludes works. */
public final class ActionResearch {

    private ActionResearch() {
    }

    /** A member tries a method in their own practice. */
    public record Trial(UUID id, UUID groupId, UUID practitionerId, String method, String aim, LocalDate startedOn,
            Instant recordedAt) {
    }

    /** What a member observed while trying the method. */
    public record Observation(UUID id, UUID trialId, UUID practitionerId, LocalDate observedOn, String observation,
            Instant recordedAt) {
    }

    /** The group's evaluation of what works, what did not, and what to do next. */
    public record Evaluation(UUID id, UUID groupId, UUID evaluatedBy, String whatWorks, String whatDidNot,
            String nextSteps, Instant recordedAt) {
    }

    /** A trial with its observations. */
    public record TrialRecord(Trial trial, List<Observation> observations) {
    }

    /** Everything a group has recorded. */
    public record Log(UUID groupId, List<TrialRecord> trials, List<Evaluation> evaluations) {
    }
}

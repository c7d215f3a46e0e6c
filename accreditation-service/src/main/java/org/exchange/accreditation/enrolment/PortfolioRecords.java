package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The pieces of a portfolio, as stored and as the API shows them. */
public final class PortfolioRecords {

    private PortfolioRecords() {
    }

    /** Hours logged in one category, with their evidence. */
    public record HoursEntry(UUID id, HoursCategory category, BigDecimal hours, LocalDate occurredOn,
            String description, Instant loggedAt, List<Evidence> evidence) {
    }

    /** An evidence file's description; its content is downloaded on its own. */
    public record Evidence(UUID id, UUID hoursEntryId, String fileName, String mediaType, int sizeBytes,
            Instant uploadedAt) {
    }

    /** An evidence file with its content. */
    public record EvidenceFile(String fileName, String mediaType, byte[] content) {
    }

    /** A goal of the personal development plan, with what the candidate will do and when they review it. */
    public record Goal(String goal, String actions, LocalDate reviewOn) {
    }

    /** The plan as last saved, and when each earlier revision was saved. */
    public record DevelopmentPlan(int revision, List<Goal> goals, Instant savedAt, List<Revision> revisions) {
    }

    /** One saved revision of the plan. */
    public record Revision(int revision, int goals, Instant savedAt) {
    }

    public record Reflection(UUID id, String title, String text, Instant writtenAt) {
    }

    public record CpdCommitment(String statement, Instant committedAt) {
    }

    /** A peer assessor's observation of a workshop the candidate led. */
    public record Observation(UUID id, UUID enrolmentId, UUID meetingId, UUID assessorId, LocalDate observedOn,
            String seen, String feedback, boolean counts, Instant recordedAt) {
    }

    /** What to do after the presentation: recommend the candidate, or not yet. */
    public enum Decision { RECOMMEND, NOT_YET }

    /** A panel member's recommendation; the latest one of each member counts. */
    public record Recommendation(UUID assessorId, Decision decision, String reasons, Instant recordedAt) {
    }
}

package org.exchange.accreditation.enrolment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.accreditation.enrolment.PortfolioRecords.Decision;
import org.exchange.accreditation.requirement.CheckItem;

/** Enrolments as the API shows them. */
public final class EnrolmentViews {

    private EnrolmentViews() {
    }

    /** An enrolment in a list. */
    public record EnrolmentSummary(UUID id, String programmeCode, String programmeTitle, EnrolmentStatus status,
            Instant appliedAt, LocalDate enrolledOn, LocalDate eligibleFrom, int progressPercent, UUID candidateId,
            String candidateName, String organisationName) {
    }

    /** An enrolment with its candidate, coach, checklist and panel, and its fee once membership invoiced it. */
    public record EnrolmentView(UUID id, String programmeCode, String programmeTitle, EnrolmentStatus status,
            Instant appliedAt, LocalDate enrolledOn, LocalDate eligibleFrom, int progressPercent,
            PersonRef candidate, PersonRef coach, int requirementVersion, boolean provisional,
            List<CheckItem> checklist, Panel panel, String decisionReason, LocalDate awardedOn,
            String ilmReference, Fees.Fee fee) {
    }

    /** A person named on an enrolment. */
    public record PersonRef(UUID id, String name, String organisationId, String organisationName) {
    }

    /** The assessment panel and its members' recommendations. */
    public record Panel(PersonRef academyAssessor, PersonRef organisationAssessor,
            List<RecommendationView> recommendations) {
    }

    public record RecommendationView(UUID assessorId, String assessorName, Decision decision, String reasons,
            Instant recordedAt) {
    }

    /** An enrolment an assessor can find to observe, with the workshops the candidate led. */
    public record ObservableCandidate(UUID enrolmentId, UUID candidateId, String candidateName,
            String organisationName, String programmeTitle, EnrolmentStatus status, List<WorkshopView> ledWorkshops) {
    }

    /** A workshop in the portfolio, from exchange's attendance. */
    public record WorkshopView(UUID meetingId, String title, Instant startsAt, String role, int minutes,
            boolean observed) {
    }

    /** A person appointed assessor, for the panel picker. */
    public record AssessorView(UUID id, String name, String organisationId, String organisationName,
            boolean fromAcademy) {
    }

    /**
     * A completion to confirm with ILM: what an awarding body asks a centre for.
     *
     * @param centreNumber the academy's ILM centre number
     */
    public record Completion(UUID enrolmentId, String centreNumber, String programmeCode, String programmeTitle,
            int requirementVersion, UUID candidateId, String candidateGivenName, String candidateFamilyName,
            String candidateEmail, String organisationName, LocalDate enrolledOn, Instant recommendedAt,
            BigDecimal totalHours, int workshopsFacilitated, int workshopsObserved, String academyAssessor,
            String organisationAssessor, EnrolmentStatus status, LocalDate awardedOn, String ilmReference) {
    }
}

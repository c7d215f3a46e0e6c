package org.exchange.accreditation.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * A candidate's enrolment in one version of an award programme: its lifecycle, coach and panel. The portfolio
 * belongs to it; the checklist is measured from the portfolio by the requirement engine.
 *
 * @param programmeVersion the requirement version it started on and stays on
 * @param candidateOrganisationId the candidate's organisation when they applied: the panel's second assessor comes
 *        from it
 */
public record Enrolment(
        UUID id,
        UUID candidateId,
        String candidateOrganisationId,
        String programmeCode,
        int programmeVersion,
        EnrolmentStatus status,
        Instant appliedAt,
        LocalDate enrolledOn,
        UUID decidedBy,
        String decisionReason,
        UUID coachId,
        UUID academyAssessorId,
        UUID organisationAssessorId,
        LocalDate awardedOn,
        String ilmReference,
        Instant statusChangedAt,
        boolean erased) {

    static Enrolment apply(UUID candidateId, String organisationId, String programmeCode, int version, Instant now) {
        return new Enrolment(UUID.randomUUID(), candidateId, organisationId, programmeCode, version,
                EnrolmentStatus.APPLIED, now, null, null, null, null, null, null, null, null, now, false);
    }

    Enrolment accept(LocalDate startsOn, LocalDate today, UUID admin, Instant now) {
        require("be accepted", Set.of(EnrolmentStatus.APPLIED));
        if (startsOn.isAfter(today)) {
            throw new InvalidRequestException("An enrolment cannot start in the future (" + startsOn + ")");
        }
        return with(EnrolmentStatus.ENROLLED, now).decided(admin, null).startingOn(startsOn);
    }

    Enrolment decline(String reason, UUID admin, Instant now) {
        require("be declined", Set.of(EnrolmentStatus.APPLIED));
        return with(EnrolmentStatus.DECLINED, now).decided(admin, reason);
    }

    Enrolment withdraw(String reason, UUID by, Instant now) {
        require("be withdrawn", EnrolmentStatus.OPEN);
        return with(EnrolmentStatus.WITHDRAWN, now).decided(by, reason);
    }

    /** The status the measured progress puts an enrolment under way in. */
    Enrolment progress(boolean started, boolean ready, boolean recommended, Instant now) {
        if (!EnrolmentStatus.UNDER_WAY.contains(status)) {
            return this;
        }
        EnrolmentStatus next = ready && recommended ? EnrolmentStatus.RECOMMENDED
                : ready ? EnrolmentStatus.READY_FOR_ASSESSMENT
                : started || status != EnrolmentStatus.ENROLLED ? EnrolmentStatus.IN_PROGRESS
                : EnrolmentStatus.ENROLLED;
        return next == status ? this : with(next, now);
    }

    Enrolment award(LocalDate confirmedOn, String reference, LocalDate today, Instant now) {
        require("be confirmed as awarded", Set.of(EnrolmentStatus.RECOMMENDED));
        if (confirmedOn.isAfter(today)) {
            throw new InvalidRequestException("ILM's confirmation cannot be dated in the future (" + confirmedOn + ")");
        }
        if (confirmedOn.isBefore(enrolledOn)) {
            throw new InvalidRequestException("ILM's confirmation cannot predate the enrolment (" + enrolledOn + ")");
        }
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion,
                EnrolmentStatus.AWARDED, appliedAt, enrolledOn, decidedBy, decisionReason, coachId, academyAssessorId,
                organisationAssessorId, confirmedOn, reference, now, erased);
    }

    Enrolment coach(UUID coach) {
        require("be given a coach", EnrolmentStatus.OPEN);
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, status,
                appliedAt, enrolledOn, decidedBy, decisionReason, coach, academyAssessorId, organisationAssessorId,
                awardedOn, ilmReference, statusChangedAt, erased);
    }

    Enrolment panel(UUID academyAssessor, UUID organisationAssessor) {
        require("have its panel named", EnrolmentStatus.UNDER_WAY);
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, status,
                appliedAt, enrolledOn, decidedBy, decisionReason, coachId, academyAssessor, organisationAssessor,
                awardedOn, ilmReference, statusChangedAt, erased);
    }

    Enrolment erase() {
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, status,
                appliedAt, enrolledOn, decidedBy, decisionReason == null ? null : "(erased)", coachId,
                academyAssessorId, organisationAssessorId, awardedOn, ilmReference, statusChangedAt, true);
    }

    boolean panelNamed() {
        return academyAssessorId != null && organisationAssessorId != null;
    }

    boolean onPanel(UUID person) {
        return person.equals(academyAssessorId) || person.equals(organisationAssessorId);
    }

    void require(String action, Set<EnrolmentStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new ConflictException("An enrolment that is " + status + " cannot " + action);
        }
    }

    private Enrolment with(EnrolmentStatus next, Instant now) {
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, next,
                appliedAt, enrolledOn, decidedBy, decisionReason, coachId, academyAssessorId, organisationAssessorId,
                awardedOn, ilmReference, now, erased);
    }

    private Enrolment decided(UUID by, String reason) {
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, status,
                appliedAt, enrolledOn, by, reason, coachId, academyAssessorId, organisationAssessorId, awardedOn,
                ilmReference, statusChangedAt, erased);
    }

    private Enrolment startingOn(LocalDate startsOn) {
        return new Enrolment(id, candidateId, candidateOrganisationId, programmeCode, programmeVersion, status,
                appliedAt, startsOn, decidedBy, decisionReason, coachId, academyAssessorId, organisationAssessorId,
                awardedOn, ilmReference, statusChangedAt, erased);
    }
}

package org.exchange.accreditation.completion;

import java.util.Arrays;
import java.util.List;

import org.exchange.accreditation.enrolment.EnrolmentViews.Completion;
import org.exchange.platform.csv.Csv;

/**
 * The completions as CSV for ILM, one row per candidate, written by the platform's CSV writer (whose formula guard
 * keeps names from carrying formulas).
 */
final class CompletionsCsv {

    static final List<String> HEADER = List.of("ILM centre number", "Programme code", "Programme",
            "Requirement version", "Enrolment id", "Candidate id", "Given name", "Family name", "Email",
            "Organisation", "Enrolled on", "Recommended at", "Total hours", "Workshops facilitated",
            "Workshops observed", "Academy assessor", "Organisation assessor", "Status", "Awarded on",
            "ILM reference");

    private CompletionsCsv() {
    }

    static String write(List<Completion> completions) {
        return Csv.of(HEADER, completions.stream().map(c -> Arrays.<Object>asList(c.centreNumber(),
                c.programmeCode(), c.programmeTitle(), c.requirementVersion(), c.enrolmentId(), c.candidateId(),
                c.candidateGivenName(), c.candidateFamilyName(), c.candidateEmail(), c.organisationName(),
                c.enrolledOn(), c.recommendedAt(), c.totalHours() == null ? null : c.totalHours().toPlainString(),
                c.workshopsFacilitated(), c.workshopsObserved(), c.academyAssessor(), c.organisationAssessor(),
                c.status(), c.awardedOn(), c.ilmReference())).toList());
    }
}

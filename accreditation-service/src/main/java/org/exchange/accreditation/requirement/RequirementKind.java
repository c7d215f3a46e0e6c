package org.exchange.accreditation.requirement;

/**
 * The kinds of requirement the engine knows how to measure. A programme version combines them with its own targets,
 * categories and wording; no programme and no single requirement has code of its own.
 */
public enum RequirementKind {
    /** Hours logged in every category together. */
    HOURS_TOTAL,
    /** Hours logged in the requirement's {@code category}. */
    HOURS_IN_CATEGORY,
    /** Peer-learning workshops the candidate facilitated or led (from exchange's attendance). */
    WORKSHOPS_FACILITATED,
    /** Workshops the candidate led that a peer assessor observed and counted. */
    WORKSHOPS_OBSERVED,
    /** A portfolio document, named by the requirement's {@code document}, is present. */
    DOCUMENT_PRESENT,
    /** A panel is named: one assessor from the academy, one from the candidate's own organisation. */
    PANEL_NAMED,
    /** Panel members who recommend the candidate. */
    PANEL_RECOMMENDATIONS,
    /** Months since enrolment. */
    MINIMUM_DURATION
}

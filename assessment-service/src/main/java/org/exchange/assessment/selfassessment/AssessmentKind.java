package org.exchange.assessment.selfassessment;

/** The first self-assessment, at joining, or a later review against it. */
public enum AssessmentKind {
    BASELINE,
    REVIEW
}

package org.exchange.assessment.directory;

/** What a rating can point at as evidence; each is learnt from another context's events. */
public enum EvidenceKind {
    OUTCOME,
    ACTION_RESEARCH,
    CPD_ACTIVITY,
    AWARD_OBSERVATION
}

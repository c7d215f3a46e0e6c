package org.exchange.membership.membership;

/** Why a practitioner may be a member. */
public enum EligibilityBasis {
    /** They hold an ILM award in Practitioner-Led Learning Exchange. */
    ILM_AWARD,
    /** They evidence equivalent training and experience, which a programme admin reviews. */
    EQUIVALENT_EVIDENCE
}

package org.exchange.assessment.selfassessment;

import java.util.List;

import org.exchange.assessment.directory.EvidenceKind;

/**
 * A practitioner's rating of one standard.
 *
 * @param standardId the standard rated
 * @param score 1 to 6, or null while the draft leaves it open
 * @param comment what the practitioner wants to say about it, or null
 * @param evidence what supports the rating
 */
public record Rating(String standardId, Integer score, String comment, List<Evidence> evidence) {

    public Rating {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** Something a rating points at: an outcome, an action research trial, a CPD activity, an award observation. */
    public record Evidence(EvidenceKind kind, java.util.UUID id) {
    }
}

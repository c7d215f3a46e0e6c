package org.exchange.assessment.selfassessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.exchange.assessment.framework.AssessmentRules;
import org.exchange.assessment.framework.CareerStage;
import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.RatingScale;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * A practitioner's self-assessment against one edition of the Professional Standards: every standard rated on one
 * scale, a few focus standards, and what they want to develop, learn or improve. It is a draft until submitted; only
 * a submitted one counts.
 */
public record SelfAssessment(
        UUID id,
        UUID practitionerId,
        String editionId,
        AssessmentKind kind,
        Status status,
        CareerStage careerStage,
        Map<String, Rating> ratings,
        List<String> focusStandards,
        String developmentGoals,
        Instant startedAt,
        Instant updatedAt,
        Instant submittedAt) {

    /** Whether the assessment still changes, or counts. */
    public enum Status {
        DRAFT,
        SUBMITTED
    }

    public SelfAssessment {
        ratings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
        focusStandards = List.copyOf(focusStandards);
    }

    /** What a practitioner has filled in so far. */
    public record Content(CareerStage careerStage, List<Rating> ratings, List<String> focusStandards,
            String developmentGoals) {

        public Content {
            ratings = ratings == null ? List.of() : List.copyOf(ratings);
            focusStandards = focusStandards == null ? List.of() : List.copyOf(focusStandards);
        }
    }

    /**
     * A draft with the given content, checked against the edition: every rating of one of its standards and on the
     * scale, at most the allowed number of focus standards, each one of its standards.
     */
    public static SelfAssessment draft(UUID id, UUID practitionerId, Edition edition, AssessmentKind kind,
            Content content, AssessmentRules rules, Instant startedAt, Instant now) {
        Map<String, Rating> ratings = new LinkedHashMap<>();
        for (Rating rating : content.ratings()) {
            requireOfEdition(edition, rating.standardId());
            if (rating.score() != null && !RatingScale.contains(rating.score())) {
                throw new InvalidRequestException("A rating is a whole number from " + RatingScale.LOWEST + " to "
                        + RatingScale.HIGHEST + "; " + rating.standardId() + " was rated " + rating.score());
            }
            if (ratings.put(rating.standardId(), rating) != null) {
                throw new InvalidRequestException(rating.standardId() + " is rated twice");
            }
        }
        List<String> focus = content.focusStandards();
        if (focus.size() > rules.maximumFocusStandards()) {
            throw new InvalidRequestException("Pick at most " + rules.maximumFocusStandards()
                    + " focus standards; " + focus.size() + " were picked");
        }
        if (new HashSet<>(focus).size() != focus.size()) {
            throw new InvalidRequestException("A focus standard is picked twice");
        }
        focus.forEach(standardId -> requireOfEdition(edition, standardId));
        return new SelfAssessment(id, practitionerId, edition.id(), kind, Status.DRAFT, content.careerStage(),
                ratings, focus, blankToNull(content.developmentGoals()), startedAt, now, null);
    }

    /** The submitted assessment: every standard of the edition rated, and the focus standards picked. */
    public SelfAssessment submit(Edition edition, AssessmentRules rules, Instant now) {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("Only a draft is submitted");
        }
        List<String> unrated = new ArrayList<>();
        edition.standards().forEach(standard -> {
            Rating rating = ratings.get(standard.id());
            if (rating == null || rating.score() == null) {
                unrated.add(String.valueOf(standard.number()));
            }
        });
        if (!unrated.isEmpty()) {
            throw new InvalidRequestException("Rate every standard before submitting; not yet rated: "
                    + String.join(", ", unrated));
        }
        if (focusStandards.size() < rules.minimumFocusStandards()) {
            throw new InvalidRequestException("Pick at least " + rules.minimumFocusStandards()
                    + " focus standard before submitting");
        }
        return new SelfAssessment(id, practitionerId, editionId, kind, Status.SUBMITTED, careerStage, ratings,
                focusStandards, developmentGoals, startedAt, now, now);
    }

    /** The score given to a standard, when rated. */
    public Optional<Integer> score(String standardId) {
        return Optional.ofNullable(ratings.get(standardId)).map(Rating::score);
    }

    /** Whether the focus standards differ from another assessment's. */
    public boolean focusDiffersFrom(SelfAssessment other) {
        return !Objects.equals(new HashSet<>(focusStandards), new HashSet<>(other.focusStandards));
    }

    /** A fresh content for the next review, pre-filled with this assessment's ratings and choices. */
    public Content asStartingPoint() {
        return new Content(careerStage, new ArrayList<>(ratings.values()), focusStandards, developmentGoals);
    }

    private static void requireOfEdition(Edition edition, String standardId) {
        if (standardId == null || !edition.has(standardId)) {
            throw new InvalidRequestException("No standard " + standardId + " in the " + edition.year()
                    + " edition (" + edition.id() + ")");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package org.exchange.assessment.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exchange.assessment.framework.Edition;
import org.exchange.assessment.framework.RatingScale;
import org.exchange.assessment.framework.Standard;

/**
 * The ratings of a group of people, never an individual's: per standard, how many gave each point of the scale in
 * their latest assessment, and the average change since their baselines. Figures of fewer people than the minimum
 * are withheld, so that nobody's ratings can be singled out.
 *
 * @param edition the edition the figures are against
 * @param people how many people in the scope have a submitted assessment against the edition
 * @param reviewed how many of them have reviewed since their baseline
 * @param withheld whether the distribution is withheld
 * @param changeWithheld whether the average change is withheld
 * @param reason why figures are withheld, or null
 * @param standards the figures per standard; empty when withheld
 */
public record Aggregate(Edition edition, int people, int reviewed, boolean withheld, boolean changeWithheld,
        String reason, List<StandardFigures> standards) {

    /**
     * One standard's figures.
     *
     * @param distribution how many people's latest rating is 1, 2 ... 6 (index 0 is 1)
     * @param averageChangeSinceBaseline the mean of latest minus baseline among those who reviewed, or null when
     *     withheld
     */
    public record StandardFigures(Standard standard, List<Integer> distribution, Double averageChangeSinceBaseline) {
    }

    /** One person's baseline and latest rating of one standard. */
    record Row(UUID practitionerId, String standardId, int baseline, int latest, boolean reviewed) {
    }

    static Aggregate of(Edition edition, List<Row> rows, int minimumGroupSize) {
        Set<UUID> people = new HashSet<>();
        Set<UUID> reviewed = new HashSet<>();
        rows.forEach(row -> {
            people.add(row.practitionerId());
            if (row.reviewed()) {
                reviewed.add(row.practitionerId());
            }
        });
        if (people.size() < minimumGroupSize) {
            return new Aggregate(edition, people.size(), reviewed.size(), true, true,
                    "Fewer than " + minimumGroupSize + " people have assessed themselves against the " + edition.year()
                            + " edition here, so no figures are shown: with so few, one person's ratings could be "
                            + "recognised.", List.of());
        }
        boolean changeWithheld = reviewed.size() < minimumGroupSize;
        Map<String, int[]> distribution = new HashMap<>();
        Map<String, int[]> change = new HashMap<>();
        rows.forEach(row -> {
            distribution.computeIfAbsent(row.standardId(), id -> new int[RatingScale.HIGHEST])[row.latest() - 1]++;
            if (row.reviewed()) {
                int[] sum = change.computeIfAbsent(row.standardId(), id -> new int[2]);
                sum[0] += row.latest() - row.baseline();
                sum[1]++;
            }
        });
        List<StandardFigures> standards = new ArrayList<>();
        for (Standard standard : edition.standards()) {
            int[] counts = distribution.getOrDefault(standard.id(), new int[RatingScale.HIGHEST]);
            int[] sum = change.get(standard.id());
            Double average = changeWithheld || sum == null ? null
                    : Math.round(10.0 * sum[0] / sum[1]) / 10.0;
            standards.add(new StandardFigures(standard, java.util.Arrays.stream(counts).boxed().toList(), average));
        }
        String reason = changeWithheld ? "Fewer than " + minimumGroupSize + " people here have reviewed since their "
                + "baseline, so the average change is not shown yet." : null;
        return new Aggregate(edition, people.size(), reviewed.size(), false, changeWithheld, reason, standards);
    }
}

package org.exchange.assessment.framework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published edition of the Professional Standards (a framework version), with its standards in order.
 *
 * @param id such as {@code etf-2022}
 * @param name its published title
 * @param year the year it was published
 * @param publisher who publishes it
 * @param source where it was read
 * @param current whether new baselines are made against it unless the practitioner chooses another
 * @param dataVersion the data version its texts come from
 * @param standards its standards by number
 */
public record Edition(String id, String name, int year, String publisher, String source, boolean current,
        int dataVersion, List<Standard> standards) {

    public Edition {
        standards = List.copyOf(standards);
    }

    /** The standard with the given id, when it belongs to this edition. */
    public Optional<Standard> standard(String standardId) {
        return standards.stream().filter(standard -> standard.id().equals(standardId)).findFirst();
    }

    /** Whether the standard belongs to this edition. */
    public boolean has(String standardId) {
        return standard(standardId).isPresent();
    }

    /** Its standards by id. */
    public Map<String, Standard> byId() {
        return standards.stream().collect(Collectors.toMap(Standard::id, Function.identity()));
    }
}

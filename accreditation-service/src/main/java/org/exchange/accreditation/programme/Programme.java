package org.exchange.accreditation.programme;

import java.math.BigDecimal;
import java.util.List;

import org.exchange.accreditation.requirement.Requirement;

/**
 * One version of an ILM award programme, as its file under {@code programmes/} states it.
 *
 * @param code such as {@code ILM-ENDORSED-PLLE}
 * @param version the requirement version; enrolments stay on the version they started with
 * @param prerequisiteCode the award a candidate must hold first, or null
 * @param provisional whether these requirements are a first model awaiting the programme's own wording
 * @param provisionalNote why it is provisional and how it is replaced
 * @param source where the requirements come from
 * @param framework the framework the standards belong to
 * @param standards the Professional Standards the award evidences (the credential's alignment)
 */
public record Programme(
        String code,
        int version,
        String title,
        String description,
        Fee fee,
        String prerequisiteCode,
        boolean provisional,
        String provisionalNote,
        String source,
        Framework framework,
        List<Standard> standards,
        List<Requirement> requirements) {

    public Programme {
        standards = standards == null ? List.of() : List.copyOf(standards);
        requirements = List.copyOf(requirements);
    }

    /** The programme's fee: an amount in a currency. */
    public record Fee(BigDecimal amount, String currency) {
    }

    /** The framework of standards the award is aligned to, and where it is published. */
    public record Framework(String name, String url) {
    }

    /** A Professional Standard the award evidences. */
    public record Standard(String code, String name) {
    }
}

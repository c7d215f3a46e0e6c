package org.exchange.membership.membership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.exchange.membership.cpd.CpdSummary;

/** Renewal asks for evidence of CPD over the membership year: enough hours, and reflection on some of it. */
record RenewalEvidencePolicy(BigDecimal minimumHours, int minimumReflections) {

    static RenewalEvidencePolicy of(MembershipTerms terms) {
        return new RenewalEvidencePolicy(terms.minimumCpdHours(), terms.minimumReflections());
    }

    /** What the CPD record lacks for renewal; empty when it is enough. */
    List<String> shortfalls(CpdSummary cpd) {
        List<String> shortfalls = new ArrayList<>();
        if (cpd.totalHours().compareTo(minimumHours) < 0) {
            shortfalls.add("%s CPD hours recorded since %s; renewal needs at least %s"
                    .formatted(cpd.totalHours().toPlainString(), cpd.from(), minimumHours.toPlainString()));
        }
        if (cpd.reflections() < minimumReflections) {
            shortfalls.add("%d CPD activities with a written reflection; renewal needs at least %d"
                    .formatted(cpd.reflections(), minimumReflections));
        }
        return shortfalls;
    }
}

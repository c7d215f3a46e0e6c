package org.exchange.membership.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.membership.cpd.CpdSummary;
import org.exchange.membership.invoice.Invoice;

/**
 * A membership as the API shows it: its status and dates, the invoice it waits for, the CPD that counts towards
 * renewal against what renewal asks, and its audit trail.
 *
 * @param member who holds or applied for it
 * @param lapsesAfter the last day of the grace period, or null before the first payment
 * @param invoice the invoice of the current application or renewal, or null
 */
public record MembershipView(
        UUID id,
        UUID practitionerId,
        Member member,
        MembershipStatus status,
        EligibilityBasis basis,
        String evidence,
        String renewalStatement,
        LocalDate startedOn,
        LocalDate expiresOn,
        LocalDate lapsesAfter,
        Instant appliedAt,
        Invoice invoice,
        RenewalEvidence renewalEvidence,
        List<Transition> history) {

    /** The person a membership belongs to, as a programme admin reviewing it needs to know them. */
    public record Member(String givenName, String familyName, String email, String organisationId, String jobRole) {
    }

    /** The CPD recorded since the membership year began, against what renewal asks for. */
    public record RenewalEvidence(BigDecimal hours, int reflections, BigDecimal minimumHours, int minimumReflections,
            List<String> shortfalls) {
    }

    static MembershipView of(Membership membership, Member member, Invoice invoice, CpdSummary cpd, MembershipTerms terms,
            List<Transition> history) {
        RenewalEvidencePolicy policy = RenewalEvidencePolicy.of(terms);
        RenewalEvidence evidence = new RenewalEvidence(cpd.totalHours(), cpd.reflections(), policy.minimumHours(),
                policy.minimumReflections(), policy.shortfalls(cpd));
        return new MembershipView(membership.id(), membership.practitionerId(), member, membership.status(),
                membership.basis(), membership.evidence(), membership.renewalStatement(), membership.startedOn(),
                membership.expiresOn(),
                membership.expiresOn() == null ? null : membership.lapsesAfter(terms.gracePeriodDays()),
                membership.appliedAt(), invoice, evidence, history);
    }
}

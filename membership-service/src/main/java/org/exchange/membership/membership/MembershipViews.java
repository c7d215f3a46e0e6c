package org.exchange.membership.membership;

import org.exchange.membership.invoice.InvoiceService;
import org.exchange.membership.membership.MembershipView.Member;
import org.exchange.membership.practitioner.PractitionerService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link MembershipView}s from the membership, its invoice, the CPD record and the audit trail. */
@Component
class MembershipViews {

    private final MembershipService memberships;
    private final InvoiceService invoices;
    private final PractitionerService practitioners;

    MembershipViews(MembershipService memberships, InvoiceService invoices, PractitionerService practitioners) {
        this.memberships = memberships;
        this.invoices = invoices;
        this.practitioners = practitioners;
    }

    @Transactional(readOnly = true)
    MembershipView of(Membership membership) {
        Member member = practitioners.find(membership.practitionerId())
                .map(p -> new Member(p.givenName(), p.familyName(), p.email(), p.organisationId(), p.jobRole()))
                .orElse(null);
        return MembershipView.of(membership, member,
                membership.invoiceId() == null ? null : invoices.find(membership.invoiceId()),
                memberships.cpdOfMembershipYear(membership), memberships.terms(),
                memberships.history(membership.id()));
    }
}

package org.exchange.membership.membership;

import org.exchange.membership.invoice.InvoiceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles {@link MembershipView}s from the membership, its invoice, the CPD record and the audit trail. */
@Component
class MembershipViews {

    private final MembershipService memberships;
    private final InvoiceService invoices;

    MembershipViews(MembershipService memberships, InvoiceService invoices) {
        this.memberships = memberships;
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    MembershipView of(Membership membership) {
        return MembershipView.of(membership,
                membership.invoiceId() == null ? null : invoices.find(membership.invoiceId()),
                memberships.cpdOfMembershipYear(membership), memberships.terms(),
                memberships.history(membership.id()));
    }
}

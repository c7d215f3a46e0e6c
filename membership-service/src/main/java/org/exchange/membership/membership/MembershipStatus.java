package org.exchange.membership.membership;

import java.util.EnumSet;
import java.util.Set;

/** Where a Learning Exchange membership is in its life. */
public enum MembershipStatus {
    /** Applied; eligibility on equivalent evidence waits for a programme admin. */
    APPLIED,
    /** Eligibility refused, with a reason; the practitioner may apply again. */
    REJECTED,
    /** Eligible; the first year's invoice is issued and unpaid. */
    AWAITING_PAYMENT,
    /** A member until the expiry date. */
    ACTIVE,
    /** Near or past expiry: the member is asked to renew with CPD evidence. */
    RENEWAL_DUE,
    /** CPD evidence submitted; a programme admin reviews it. */
    RENEWAL_SUBMITTED,
    /** Renewal approved; the renewal invoice is issued and unpaid. */
    RENEWAL_PAYMENT,
    /** Not renewed within the grace period after expiry; the person may apply again. */
    LAPSED;

    /** The statuses of someone who is a member (or in their grace period): they count towards viability. */
    public static final Set<MembershipStatus> MEMBERS = EnumSet.of(ACTIVE, RENEWAL_DUE, RENEWAL_SUBMITTED,
            RENEWAL_PAYMENT);
}

package org.exchange.accreditation.enrolment;

import java.util.EnumSet;
import java.util.Set;

/** Where an enrolment is on its way to the award. */
public enum EnrolmentStatus {
    APPLIED, ENROLLED, IN_PROGRESS, READY_FOR_ASSESSMENT, RECOMMENDED, AWARDED, WITHDRAWN, DECLINED;

    /** Accepted and not yet ended: the portfolio grows and its progress is measured. */
    static final Set<EnrolmentStatus> UNDER_WAY = EnumSet.of(ENROLLED, IN_PROGRESS, READY_FOR_ASSESSMENT, RECOMMENDED);

    /** Not ended: the candidate may still withdraw. */
    static final Set<EnrolmentStatus> OPEN = EnumSet.of(APPLIED, ENROLLED, IN_PROGRESS, READY_FOR_ASSESSMENT,
            RECOMMENDED);

    /** The candidate can still add to the portfolio and be observed. */
    static final Set<EnrolmentStatus> BUILDING = EnumSet.of(ENROLLED, IN_PROGRESS, READY_FOR_ASSESSMENT);
}

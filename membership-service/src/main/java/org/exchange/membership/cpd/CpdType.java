package org.exchange.membership.cpd;

/** Kinds of continuing professional development a record holds. */
public enum CpdType {
    GROUP_MEETING, LAUNCH_EVENT, DEVELOPMENT_DAY, DISSEMINATION_EVENT, COURSE, READING, ACTION_RESEARCH,
    COACHING_OR_MENTORING, OBSERVATION, AWARD, OTHER;

    /** The type of an attended meeting, from exchange-service's meeting kind; kinds added later count as OTHER. */
    static CpdType ofMeetingKind(String meetingKind) {
        for (CpdType type : values()) {
            if (type.name().equals(meetingKind)) {
                return type;
            }
        }
        return OTHER;
    }
}

package org.exchange.accreditation.enrolment;

/** The categories of the hours log, as the programmes' time commitment names them. */
public enum HoursCategory {
    OBSERVED_PRACTICE, REFLECTION_AND_PLANNING, COACHING_OR_MENTORING, PRESENTATION_AND_FEEDBACK
}

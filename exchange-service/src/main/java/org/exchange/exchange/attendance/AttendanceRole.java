package org.exchange.exchange.attendance;

/** The part a person played at a meeting. */
public enum AttendanceRole { ATTENDEE, FACILITATOR, LEAD_FACILITATOR, OBSERVER }

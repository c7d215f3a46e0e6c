package org.exchange.exchange.meeting;

/** A meeting is scheduled until it is cancelled. */
public enum MeetingStatus { SCHEDULED, CANCELLED }

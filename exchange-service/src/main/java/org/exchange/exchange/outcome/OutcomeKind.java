package org.exchange.exchange.outcome;

/** What a group produced to share beyond itself. */
public enum OutcomeKind { REPORT, CASE_STUDY, RESOURCE, OTHER }

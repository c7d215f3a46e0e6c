package org.exchange.exchange.group;

/** Subject groups bring together practitioners of one specialism; thematic groups explore cross-curricular themes. */
public enum GroupKind { SUBJECT, THEMATIC }

package org.exchange.membership.organisation;

/** The kinds of partner organisation the programme works with. */
public enum OrganisationType {
    COLLEGE, WORK_BASED_LEARNING, ADULT_COMMUNITY_LEARNING, SECURE_ESTATE, THIRD_SECTOR, UNIVERSITY, OTHER
}

package org.exchange.contracts.membership;

import java.time.Instant;

import org.exchange.contracts.EventType;

/**
 * A partner organisation joined the platform, or its public details changed (the same event again, with the same
 * {@code organisationId} and the new values).
 *
 * @param organisationId the id membership-service gives the organisation, such as {@code org-westmid-college}
 * @param name its name as people know it
 * @param type COLLEGE, WORK_BASED_LEARNING, ADULT_COMMUNITY_LEARNING, SECURE_ESTATE, THIRD_SECTOR, UNIVERSITY or OTHER
 * @param region the region it is in, such as {@code West Midlands}
 * @param identityProviderAlias the alias of its identity provider in the platform realm, or null when its staff
 *        sign in with platform accounts
 * @param registeredAt when it was registered or last changed
 */
@EventType(context = "membership", name = "OrganisationRegistered", version = 1)
public record OrganisationRegistered(
        String organisationId,
        String name,
        String type,
        String region,
        String identityProviderAlias,
        Instant registeredAt) {
}

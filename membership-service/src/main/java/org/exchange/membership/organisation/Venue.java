package org.exchange.membership.organisation;

import java.time.Instant;
import java.util.UUID;

/**
 * A place a partner organisation offers to host meetings.
 *
 * @param latitude WGS 84, or null when unknown
 * @param longitude WGS 84, or null when unknown
 * @param withdrawn whether the organisation no longer offers it
 */
public record Venue(
        UUID id,
        String organisationId,
        String name,
        String address,
        String postcode,
        Double latitude,
        Double longitude,
        int capacity,
        String accessibility,
        boolean withdrawn,
        Instant offeredAt) {
}

package org.exchange.membership.organisation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.membership.versioning.Versioned;

/**
 * A place a partner organisation offers to host meetings.
 *
 * @param latitude WGS 84, or null when unknown
 * @param longitude WGS 84, or null when unknown
 * @param withdrawn whether the organisation no longer offers it
 * @param version the version it was read at (0 before it is first stored); each change raises it by one
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
        Instant offeredAt,
        long version) implements Versioned {
}

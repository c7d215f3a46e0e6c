package org.exchange.exchange.directory;

import java.util.UUID;

/** A venue a partner organisation offers to host meetings, as membership-service last described it. */
public record Venue(UUID id, String organisationId, String name, String address, String postcode, Double latitude,
        Double longitude, int capacity, String accessibility, boolean withdrawn) {
}

package org.exchange.contracts.membership;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A partner organisation offers a venue to host meetings, or changed or withdrew the offer (the same event again
 * with the same {@code venueId}; {@code withdrawn} true when it is no longer offered).
 *
 * @param venueId the venue
 * @param organisationId the organisation that offers it
 * @param name the venue's name, such as {@code Westmid College, Hall Green campus}
 * @param address the postal address, one line
 * @param postcode the postcode
 * @param latitude WGS 84 latitude, or null when unknown
 * @param longitude WGS 84 longitude, or null when unknown
 * @param capacity how many people it seats
 * @param accessibility what it offers for access (step-free, hearing loop ...), or null
 * @param withdrawn whether the organisation no longer offers it
 * @param offeredAt when it was offered or last changed
 */
@EventType(context = "membership", name = "VenueOffered", version = 1)
public record VenueOffered(
        UUID venueId,
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

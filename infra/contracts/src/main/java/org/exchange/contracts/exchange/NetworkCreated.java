package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A programme admin created a regional Professional Exchange network. Record key and subject: networkId.
 *
 * @param networkId the network
 * @param name its name, such as West Midlands Professional Exchange
 * @param region the region it serves
 * @param placeName the town or city it is based in (or null)
 * @param latitude WGS 84 latitude of its hub
 * @param longitude WGS 84 longitude of its hub
 * @param leadOrganisationId membership-service's id of the lead organisation (or null)
 * @param createdAt when it was created
 */
@EventType(context = "exchange", name = "NetworkCreated", version = 1)
public record NetworkCreated(
        UUID networkId,
        String name,
        String region,
        String placeName,
        double latitude,
        double longitude,
        String leadOrganisationId,
        Instant createdAt) {
}

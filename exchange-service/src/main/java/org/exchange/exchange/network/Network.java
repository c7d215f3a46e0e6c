package org.exchange.exchange.network;

import java.time.Instant;
import java.util.UUID;

/**
 * A regional Professional Exchange network: a hub with a location, a lead organisation and a contact.
 *
 * @param leadOrganisationId membership-service's id of the lead organisation
 */
public record Network(UUID id, String name, String region, GeoLocation location, String leadOrganisationId,
        String contactName, String contactEmail, Instant createdAt) {
}

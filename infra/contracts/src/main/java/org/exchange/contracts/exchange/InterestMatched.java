package org.exchange.contracts.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group in a subject area opened for members in a network of the region a confirmed interest names: the person is to
 * be told, once (exchange-service marks the interest told in the transaction that publishes this, so no interest is
 * matched twice). Record key and subject: interestId. A signed-in person is named by their subject id only; someone
 * who registered by e-mail by their address and a fresh withdrawal token (its SHA-256 is all exchange-service keeps).
 *
 * @param interestId the interest
 * @param practitionerId subject id of the person, or null for an interest registered by e-mail
 * @param email the address of an interest registered by e-mail, or null for a signed-in person
 * @param withdrawalToken the secret of the link that withdraws an interest registered by e-mail, or null
 * @param area the subject area of the interest
 * @param region the region of the interest
 * @param groupId the group that opened
 * @param groupName its name
 * @param networkId its network
 * @param networkName the network's name
 * @param plannedStart the first day of the group's planned span
 * @param matchedAt when the group opened
 */
@EventType(context = "exchange", name = "InterestMatched", version = 1)
public record InterestMatched(
        UUID interestId,
        UUID practitionerId,
        String email,
        String withdrawalToken,
        String area,
        String region,
        UUID groupId,
        String groupName,
        UUID networkId,
        String networkName,
        LocalDate plannedStart,
        Instant matchedAt) {
}

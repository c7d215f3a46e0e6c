package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A member left a group. Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId its network
 * @param groupName the group's name
 * @param practitionerId the former member's subject id
 * @param leftAt when they left
 */
@EventType(context = "exchange", name = "MemberLeftGroup", version = 1)
public record MemberLeftGroup(
        UUID groupId,
        UUID networkId,
        String groupName,
        UUID practitionerId,
        Instant leftAt) {
}

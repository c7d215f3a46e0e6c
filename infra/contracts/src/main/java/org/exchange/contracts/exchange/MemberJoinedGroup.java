package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner became a member of a group (joining, or promoted from its waitlist). Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId its network
 * @param groupName the group's name, for the member's notification
 * @param practitionerId the member's subject id
 * @param fromWaitlist whether a place opened up for someone on the waitlist
 * @param joinedAt when they became a member
 */
@EventType(context = "exchange", name = "MemberJoinedGroup", version = 1)
public record MemberJoinedGroup(
        UUID groupId,
        UUID networkId,
        String groupName,
        UUID practitionerId,
        boolean fromWaitlist,
        Instant joinedAt) {
}

package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group has a facilitator and a meeting plan and is now active. Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId its network
 * @param name its name
 * @param facilitatorIds subject ids of its facilitators
 * @param memberIds subject ids of its members when it became active
 * @param plannedMeetings meetings planned inside its span
 * @param activatedAt when it became active
 */
@EventType(context = "exchange", name = "GroupActivated", version = 1)
public record GroupActivated(
        UUID groupId,
        UUID networkId,
        String name,
        List<UUID> facilitatorIds,
        List<UUID> memberIds,
        int plannedMeetings,
        Instant activatedAt) {
}

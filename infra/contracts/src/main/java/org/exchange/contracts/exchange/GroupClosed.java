package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group held its meetings, published its outcome and closed. Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId its network
 * @param name its name
 * @param meetingsHeld meetings it held
 * @param outcomeIds the outcomes it published
 * @param closedAt when it closed
 */
@EventType(context = "exchange", name = "GroupClosed", version = 1)
public record GroupClosed(
        UUID groupId,
        UUID networkId,
        String name,
        int meetingsHeld,
        List<UUID> outcomeIds,
        Instant closedAt) {
}

package org.exchange.contracts.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group held its meetings and is now writing up its outcome. Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId its network
 * @param name its name
 * @param memberIds subject ids of its members when it started reporting
 * @param startedAt when it started reporting
 */
@EventType(context = "exchange", name = "GroupReportingStarted", version = 1)
public record GroupReportingStarted(
        UUID groupId,
        UUID networkId,
        String name,
        List<UUID> memberIds,
        Instant startedAt) {
}

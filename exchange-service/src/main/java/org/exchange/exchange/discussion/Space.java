package org.exchange.exchange.discussion;

import java.time.Instant;
import java.util.UUID;

/**
 * A discussion space: a group's (its members and facilitators) or a network's (everyone who takes part in it).
 *
 * @param groupId the group whose space it is, or null for a network's space
 * @param openedToNetworkAt when a closed group's space was opened to its network, or null
 */
public record Space(UUID id, Kind kind, UUID networkId, UUID groupId, Instant openedToNetworkAt) {

    /** Whose space it is. */
    public enum Kind {
        GROUP, NETWORK
    }

    boolean openedToNetwork() {
        return openedToNetworkAt != null;
    }
}

package org.exchange.exchange.discussion;

import java.time.Instant;
import java.util.UUID;

/**
 * A discussion space: a group's (its members and facilitators), a network's (everyone who takes part in it) or the
 * Learning Exchange's (its members).
 *
 * @param networkId the network whose space it is, or of whose group; null for the Learning Exchange's space
 * @param groupId the group whose space it is, or null for a network's space
 * @param openedToNetworkAt when a closed group's space was opened to its network, or null
 */
public record Space(UUID id, Kind kind, UUID networkId, UUID groupId, Instant openedToNetworkAt) {

    /** Whose space it is. */
    public enum Kind {
        GROUP, NETWORK, LEARNING_EXCHANGE
    }

    boolean openedToNetwork() {
        return openedToNetworkAt != null;
    }
}

package org.exchange.exchange.group;

import java.util.UUID;

/**
 * Where a group sits in its network's programme: a programme cycle and, optionally, one of its waves.
 *
 * @param waveNumber the wave's number within the cycle, or null
 */
public record ProgrammePlace(UUID cycleId, Integer waveNumber) {
}

package org.exchange.contracts.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A subject or thematic group was proposed in a network. Record key and subject: groupId.
 *
 * @param groupId the group
 * @param networkId the network it belongs to
 * @param name its name
 * @param kind SUBJECT or THEMATIC
 * @param area the subject area or theme, such as maths or ESOL
 * @param challenge the challenge or idea it explores
 * @param capacity how many members it takes
 * @param plannedStart the first day of its planned span
 * @param plannedEnd the last day of its planned span
 * @param facilitatorIds subject ids of its facilitators
 * @param proposedBy subject id of the person who proposed it
 * @param proposedAt when it was proposed
 */
@EventType(context = "exchange", name = "GroupProposed", version = 1)
public record GroupProposed(
        UUID groupId,
        UUID networkId,
        String name,
        String kind,
        String area,
        String challenge,
        int capacity,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        List<UUID> facilitatorIds,
        UUID proposedBy,
        Instant proposedAt) {
}

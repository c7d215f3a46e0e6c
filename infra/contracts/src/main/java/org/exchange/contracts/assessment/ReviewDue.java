package org.exchange.contracts.assessment;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A group a practitioner with a baseline belongs to started reporting or closed: a review of their progress is due.
 * Record key and subject: practitionerId.
 *
 * @param practitionerId the practitioner's subject id
 * @param groupId the group
 * @param groupName its name, for the notification
 * @param groupStatus rEPORTING or CLOSED
 * @param dueAt since when it is due
 */
@EventType(context = "assessment", name = "ReviewDue", version = 1)
public record ReviewDue(
        UUID practitionerId,
        UUID groupId,
        String groupName,
        String groupStatus,
        Instant dueAt) {
}

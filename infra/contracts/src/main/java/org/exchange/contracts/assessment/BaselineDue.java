package org.exchange.contracts.assessment;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A practitioner joined their first group and has no baseline self-assessment yet. Record key and subject:
 * practitionerId.
 *
 * @param practitionerId the practitioner's subject id
 * @param groupId the group they joined
 * @param groupName its name, for the notification
 * @param dueAt since when it is due
 */
@EventType(context = "assessment", name = "BaselineDue", version = 1)
public record BaselineDue(
        UUID practitionerId,
        UUID groupId,
        String groupName,
        Instant dueAt) {
}

package org.exchange.contracts.accreditation;

import java.time.Instant;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A peer-learning workshop the candidate facilitated (recorded in exchange-service) now counts in their portfolio.
 *
 * @param enrolmentId the enrolment
 * @param practitionerId the identity provider's subject id of the candidate
 * @param attendanceId exchange's attendance record the workshop comes from
 * @param meetingId the meeting
 * @param role FACILITATOR or LEAD_FACILITATOR
 * @param workshopsFacilitated how many workshops the enrolment counts now
 * @param countedAt when
 */
@EventType(context = "accreditation", name = "WorkshopCounted", version = 1)
public record WorkshopCounted(
        UUID enrolmentId,
        UUID practitionerId,
        UUID attendanceId,
        UUID meetingId,
        String role,
        int workshopsFacilitated,
        Instant countedAt) {
}

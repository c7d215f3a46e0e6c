package org.exchange.contracts.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A member recorded cascading an outcome to others. Record key and subject: outcomeId.
 *
 * @param disseminationId the dissemination record
 * @param outcomeId the outcome cascaded
 * @param practitionerId subject id of the person who cascaded it
 * @param audience to whom, such as the maths team or a regional conference
 * @param insideOrganisation whether inside the person's own organisation
 * @param peopleReached how many people it reached
 * @param disseminatedOn when
 * @param recordedAt when it was recorded
 */
@EventType(context = "exchange", name = "DisseminationRecorded", version = 1)
public record DisseminationRecorded(
        UUID disseminationId,
        UUID outcomeId,
        UUID practitionerId,
        String audience,
        boolean insideOrganisation,
        int peopleReached,
        LocalDate disseminatedOn,
        Instant recordedAt) {
}

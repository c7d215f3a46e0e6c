package org.exchange.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * A partner organisation signed its Memorandum of Understanding with the programme.
 *
 * @param mouId the memorandum
 * @param organisationId the organisation that signed it
 * @param signatoryName who signed for the organisation
 * @param signatoryRole their position in the organisation
 * @param signedOn the day it was signed
 * @param startsOn the first day it is in force
 * @param endsOn the last day it is in force
 * @param organisationCommitments what the organisation commits to
 * @param programmeCommitments what the programme commits to
 * @param signedAt when the signature was recorded
 */
@EventType(context = "membership", name = "MouSigned", version = 1)
public record MouSigned(
        UUID mouId,
        String organisationId,
        String signatoryName,
        String signatoryRole,
        LocalDate signedOn,
        LocalDate startsOn,
        LocalDate endsOn,
        String organisationCommitments,
        String programmeCommitments,
        Instant signedAt) {
}

package org.exchange.contracts.accreditation;

import java.time.LocalDate;
import java.util.UUID;

import org.exchange.contracts.EventType;

/**
 * ILM confirmed a candidate's award: the enrolment is complete and the person holds the award.
 *
 * @param enrolmentId the enrolment that led to the award
 * @param practitionerId the identity provider's subject id of the award holder
 * @param programmeCode the programme, such as {@code ILM-DEVELOPMENT-PLLE} or {@code ILM-ENDORSED-PLLE}
 * @param programmeTitle the award's name as the certificate shows it
 * @param awardedOn the day ILM confirmed the award
 */
@EventType(context = "accreditation", name = "AwardCompleted", version = 1)
public record AwardCompleted(
        UUID enrolmentId,
        UUID practitionerId,
        String programmeCode,
        String programmeTitle,
        LocalDate awardedOn) {
}

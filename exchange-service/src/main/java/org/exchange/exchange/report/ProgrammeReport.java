package org.exchange.exchange.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a programme admin reports on a programme (one network, or all): who took part, how groups are doing, what
 * was held, attended and published. Counts only; people are not named. Its groups' lines come a page at a time
 * ({@link GroupLinePage}, docs/adr/0026-programme-report-group-lines-a-page-at-a-time.md).
 *
 * @param practitionersInvolved distinct people who facilitated, joined a group, registered or attended
 * @param attendances attendance records with some minutes attended
 * @param cycleId the programme cycle reported on, or null for every group and event
 * @param wave the wave of that cycle reported on, or null
 * @param groupsByStatus how many groups are in each status; their sum is the number of group lines
 */
public record ProgrammeReport(
        UUID networkId,
        UUID cycleId,
        Integer wave,
        Instant generatedAt,
        int practitionersInvolved,
        List<OrganisationLine> organisationsInvolved,
        Map<String, Integer> groupsByStatus,
        int meetingsHeld,
        int attendances,
        long minutesAttended,
        int outcomesPublished,
        int disseminations,
        long peopleReached) {

    /** An organisation whose staff took part. */
    public record OrganisationLine(String organisationId, String name, int practitioners) {
    }

    /**
     * One group's figures.
     *
     * @param cycle the name of the programme cycle it belongs to, or null
     * @param wave its wave in that cycle, or null
     */
    public record GroupLine(UUID groupId, String network, String group, String kind, String area, String status,
            int members, int meetingsHeld, int attendances, int outcomes, String cycle, Integer wave) {
    }
}

package org.exchange.exchange.group;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.InvalidRequestException;

/**
 * A subject or thematic group of a network: it explores a challenge or idea, meets at least four times over four to
 * twelve months, and publishes an outcome before it closes (the numbers are {@link GroupRules}).
 *
 * @param area the subject area or theme, such as maths, English, ESOL, digital skills, SEND or supporting staff
 * @param facilitatorIds subject ids of the experienced practitioners who run it
 * @param programme the programme cycle and wave it belongs to, or null
 */
public record Group(UUID id, UUID networkId, String name, GroupKind kind, String area, String challenge,
        int capacity, LocalDate plannedStart, LocalDate plannedEnd, GroupStatus status, List<UUID> facilitatorIds,
        UUID proposedBy, Instant proposedAt, Instant activatedAt, Instant closedAt, ProgrammePlace programme) {

    public Group {
        facilitatorIds = List.copyOf(facilitatorIds);
    }

    /** A new group, proposed; its planned span must respect the programme's rules. */
    public static Group propose(UUID networkId, String name, GroupKind kind, String area, String challenge,
            int capacity, LocalDate plannedStart, LocalDate plannedEnd, List<UUID> facilitatorIds, UUID proposedBy,
            Instant now, GroupRules rules) {
        if (capacity < 1) {
            throw new InvalidRequestException("A group needs room for at least one member");
        }
        if (!plannedEnd.isAfter(plannedStart)) {
            throw new InvalidRequestException("A group's planned span must end after it starts");
        }
        if (!plannedStart.isBefore(LocalDate.MAX.minusMonths(rules.maximumSpanMonths()))) {
            // found by fuzzing: the span check itself would run off the calendar (a 500)
            throw new InvalidRequestException("A group's planned start %s is too far in the future".formatted(
                    plannedStart));
        }
        if (plannedStart.plusMonths(rules.minimumSpanMonths()).isAfter(plannedEnd)
                || plannedStart.plusMonths(rules.maximumSpanMonths()).isBefore(plannedEnd)) {
            throw new InvalidRequestException("A group runs over %d to %d months; %s to %s is %d months"
                    .formatted(rules.minimumSpanMonths(), rules.maximumSpanMonths(), plannedStart, plannedEnd,
                            ChronoUnit.MONTHS.between(plannedStart, plannedEnd)));
        }
        return new Group(UUID.randomUUID(), networkId, name.strip(), kind, area.strip(),
                challenge.strip(), capacity, plannedStart, plannedEnd, GroupStatus.PROPOSED,
                facilitatorIds.stream().distinct().toList(), proposedBy, now, null, null, null);
    }

    /** The proposal is accepted and the group recruits members. */
    public Group openForMembers() {
        requireStatus(GroupStatus.PROPOSED, "open for members");
        return withStatus(GroupStatus.FORMING, activatedAt, closedAt);
    }

    /**
     * The group starts meeting: only with a facilitator, and with at least the minimum number of meetings planned
     * inside its span.
     *
     * @param meetingsPlannedInSpan meetings scheduled (not cancelled) between its planned start and end
     */
    public Group activate(int meetingsPlannedInSpan, GroupRules rules, Instant now) {
        requireStatus(GroupStatus.FORMING, "become active");
        if (facilitatorIds.isEmpty()) {
            throw new ConflictException("A group becomes active only with a facilitator");
        }
        if (meetingsPlannedInSpan < rules.minimumMeetings()) {
            throw new ConflictException(
                    "A group becomes active only with at least %d meetings planned in its span (%s to %s); it has %d"
                    .formatted(rules.minimumMeetings(), plannedStart, plannedEnd, meetingsPlannedInSpan));
        }
        return withStatus(GroupStatus.ACTIVE, now, null);
    }

    /** The group has met and writes up its outcome. */
    public Group startReporting() {
        requireStatus(GroupStatus.ACTIVE, "start reporting");
        return withStatus(GroupStatus.REPORTING, activatedAt, null);
    }

    /**
     * The group closes: only after it held at least the minimum number of meetings and published its outcome.
     *
     * @param meetingsHeld meetings that took place (not cancelled, already over)
     * @param outcomesPublished outcomes the group published
     */
    public Group close(int meetingsHeld, int outcomesPublished, GroupRules rules, Instant now) {
        requireStatus(GroupStatus.REPORTING, "close");
        if (meetingsHeld < rules.minimumMeetings()) {
            throw new ConflictException("A group closes only after it held at least %d meetings; it held %d"
                    .formatted(rules.minimumMeetings(), meetingsHeld));
        }
        if (outcomesPublished < 1) {
            throw new ConflictException("A group closes only after its outcome is published");
        }
        return withStatus(GroupStatus.CLOSED, activatedAt, now);
    }

    /** The group gets another facilitator. */
    public Group withFacilitator(UUID facilitatorId) {
        if (status == GroupStatus.CLOSED) {
            throw new ConflictException("A closed group takes no new facilitators");
        }
        if (facilitatorIds.contains(facilitatorId)) {
            return this;
        }
        List<UUID> facilitators = new java.util.ArrayList<>(facilitatorIds);
        facilitators.add(facilitatorId);
        return new Group(id, networkId, name, kind, area, challenge, capacity, plannedStart, plannedEnd, status,
                facilitators, proposedBy, proposedAt, activatedAt, closedAt, programme);
    }

    /** The group is placed in a programme cycle and wave (or taken out of one, with null); at any stage of its life. */
    public Group inProgramme(ProgrammePlace place) {
        return new Group(id, networkId, name, kind, area, challenge, capacity, plannedStart, plannedEnd, status,
                facilitatorIds, proposedBy, proposedAt, activatedAt, closedAt, place);
    }

    /** Whether the person is one of its facilitators. */
    public boolean isFacilitatedBy(UUID personId) {
        return facilitatorIds.contains(personId);
    }

    /** Practitioners join and leave only while it forms or meets. */
    public void requireAcceptsMembers() {
        if (!status.acceptsMembers()) {
            throw new ConflictException("Members join or leave a group only while it is forming or active; it is "
                    + status);
        }
    }

    private void requireStatus(GroupStatus expected, String change) {
        if (status != expected) {
            throw new ConflictException("Only a %s group can %s; this one is %s".formatted(expected, change, status));
        }
    }

    private Group withStatus(GroupStatus next, Instant activated, Instant closed) {
        return new Group(id, networkId, name, kind, area, challenge, capacity, plannedStart, plannedEnd, next,
                facilitatorIds, proposedBy, proposedAt, activated, closed, programme);
    }
}

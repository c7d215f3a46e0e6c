package org.exchange.exchange.group;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.contracts.exchange.GroupActivated;
import org.exchange.contracts.exchange.GroupClosed;
import org.exchange.contracts.exchange.GroupProposed;
import org.exchange.contracts.exchange.GroupReportingStarted;
import org.exchange.contracts.exchange.MemberJoinedGroup;
import org.exchange.contracts.exchange.MemberLeftGroup;
import org.exchange.exchange.directory.Appointments;
import org.exchange.exchange.network.NetworkService;
import org.exchange.exchange.network.ProgrammeCycle;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of subject and thematic groups: their lifecycle and their members. */
@Service
public class GroupService {

    private final Groups groups;
    private final Appointments appointments;
    private final NetworkService networks;
    private final IntegrationEvents events;
    private final GroupRules rules;
    private final ApplicationEventPublisher local;
    private final Clock clock;

    GroupService(Groups groups, Appointments appointments, NetworkService networks, IntegrationEvents events,
            GroupRules rules, ApplicationEventPublisher local, Clock clock) {
        this.local = local;
        this.groups = groups;
        this.appointments = appointments;
        this.networks = networks;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    /** What is stated to propose a group. */
    public record Proposal(UUID networkId, String name, GroupKind kind, String area, String challenge, int capacity,
            LocalDate plannedStart, LocalDate plannedEnd, List<UUID> facilitatorIds, ProgrammePlace programme) {
    }

    /**
     * A group opened for members (proposed, now forming), told inside this service in the transaction that opens it, so
     * that what listens (interest in a subject) changes with it or not at all.
     */
    public record GroupOpened(Group group) {
    }

    /**
     * A person is no longer in a group: they left it (or its waitlist), or they stopped facilitating it and are not one
     * of its members. Told inside this service in the transaction that takes them off it, so that what they had through
     * the group (their registration for all its meetings) ends with it.
     */
    public record LeftGroup(UUID groupId, UUID personId) {
    }

    /** A person's place in a group: a member, or waiting for a place. */
    public record Membership(UUID groupId, UUID personId, Waitlist.Place place, int placesLeft) {
    }

    /**
     * A facilitator or a programme admin proposes a group in a network; a facilitator who proposes it facilitates it.
     * Anyone else named to facilitate it must hold a facilitator appointment. A facilitator whose appointment was
     * withdrawn proposes nothing, even with a token issued before the withdrawal.
     */
    @Transactional
    public Group propose(Proposal proposal, Caller caller) {
        boolean facilitator = caller.hasRole(Caller.ROLE_FACILITATOR) && !appointmentWithdrawn(caller.subjectId());
        if (!facilitator && !caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Groups are proposed by appointed facilitators and programme admins");
        }
        networks.get(proposal.networkId());
        List<UUID> facilitators = new ArrayList<>(proposal.facilitatorIds() == null ? List.of()
                : proposal.facilitatorIds());
        requireAppointed(facilitators.stream().filter(named -> !named.equals(caller.subjectId())).toList());
        if (facilitator && !facilitators.contains(caller.subjectId())) {
            facilitators.addFirst(caller.subjectId());
        }
        Group group = Group.propose(proposal.networkId(), proposal.name(), proposal.kind(), proposal.area(),
                proposal.challenge(), proposal.capacity(), proposal.plannedStart(), proposal.plannedEnd(),
                facilitators, caller.subjectId(), clock.instant(), rules)
                .inProgramme(checkedPlace(proposal.networkId(), proposal.programme()));
        groups.add(group);
        events.publish(group.id(), new GroupProposed(group.id(), group.networkId(), group.name(), group.kind().name(),
                group.area(), group.challenge(), group.capacity(), group.plannedStart(), group.plannedEnd(),
                group.facilitatorIds(), group.proposedBy(), group.proposedAt()));
        return group;
    }

    /** A programme admin accepts a proposal: the group starts recruiting. */
    @Transactional
    public Group openForMembers(UUID groupId, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("A programme admin accepts a proposed group");
        }
        Group group = lock(groupId).openForMembers();
        groups.updateStatus(group);
        local.publishEvent(new GroupOpened(group));
        return group;
    }

    /** The group starts meeting, when it has a facilitator and enough meetings planned inside its span. */
    @Transactional
    public Group activate(UUID groupId, Caller caller) {
        Group forming = lock(groupId);
        requireCanRun(forming, caller);
        Group group = forming.activate(groups.meetingsPlannedInSpan(forming), rules, clock.instant());
        groups.updateStatus(group);
        List<UUID> members = groups.members(group).confirmedIds();
        events.publish(group.id(), new GroupActivated(group.id(), group.networkId(), group.name(),
                group.facilitatorIds(), members, groups.meetingsPlannedInSpan(group), group.activatedAt()));
        return group;
    }

    /** The group has met and writes up its outcome. */
    @Transactional
    public Group startReporting(UUID groupId, Caller caller) {
        Group active = lock(groupId);
        requireCanRun(active, caller);
        Group group = active.startReporting();
        groups.updateStatus(group);
        events.publish(group.id(), new GroupReportingStarted(group.id(), group.networkId(), group.name(),
                groups.members(group).confirmedIds(), clock.instant()));
        return group;
    }

    /** The group closes, when it held its meetings and published its outcome. */
    @Transactional
    public Group close(UUID groupId, Caller caller) {
        Group reporting = lock(groupId);
        requireCanRun(reporting, caller);
        Instant now = clock.instant();
        List<UUID> outcomes = groups.outcomeIds(groupId);
        int held = groups.meetingsHeld(groupId, now);
        Group group = reporting.close(held, outcomes.size(), rules, now);
        groups.updateStatus(group);
        events.publish(group.id(), new GroupClosed(group.id(), group.networkId(), group.name(), held, outcomes,
                group.closedAt()));
        return group;
    }

    /**
     * A programme admin places a group in one of its network's programme cycles and, optionally, a wave (null takes it
     * out of any cycle); at any stage of its life, so that past groups find their cycle too.
     */
    @Transactional
    public Group placeInProgramme(UUID groupId, ProgrammePlace place, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("A programme admin places groups in programme cycles and waves");
        }
        Group current = lock(groupId);
        Group group = current.inProgramme(checkedPlace(current.networkId(), place));
        groups.updateProgramme(group);
        return group;
    }

    /** The place, when its cycle is one of the network's and its wave one of the cycle's; null stays null. */
    private ProgrammePlace checkedPlace(UUID networkId, ProgrammePlace place) {
        if (place == null || place.cycleId() == null) {
            if (place != null && place.waveNumber() != null) {
                throw new InvalidRequestException("cycleId", "A wave is named with its programme cycle");
            }
            return null;
        }
        ProgrammeCycle cycle = networks.cycles(networkId).stream()
                .filter(candidate -> candidate.id().equals(place.cycleId())).findFirst()
                .orElseThrow(() -> new InvalidRequestException("cycleId",
                        "The programme cycle " + place.cycleId() + " is not one of this network's"));
        if (place.waveNumber() != null
                && cycle.waves().stream().noneMatch(wave -> wave.number() == place.waveNumber())) {
            throw new InvalidRequestException("waveNumber", "The cycle '%s' has no wave %d"
                    .formatted(cycle.name(), place.waveNumber()));
        }
        return place;
    }

    /** A programme admin adds a facilitator to a group. */
    @Transactional
    public Group addFacilitator(UUID groupId, UUID facilitatorId, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("A programme admin assigns facilitators");
        }
        requireAppointed(List.of(facilitatorId));
        Group group = lock(groupId).withFacilitator(facilitatorId);
        groups.addFacilitator(groupId, facilitatorId);
        return group;
    }

    /**
     * A facilitator's appointment was withdrawn: they stop facilitating every group not yet closed (a programme admin
     * assigns another facilitator where one is needed; closed groups keep who ran them).
     *
     * @return how many groups they were taken off
     */
    @Transactional
    public int facilitatorAppointmentWithdrawn(UUID facilitatorId) {
        List<UUID> left = groups.removeFacilitatorFromOpenGroups(facilitatorId);
        for (UUID groupId : left) {
            if (!isMember(groupId, facilitatorId)) {
                local.publishEvent(new LeftGroup(groupId, facilitatorId));
            }
        }
        return left.size();
    }

    private boolean appointmentWithdrawn(UUID personId) {
        return appointments.status(personId, Appointments.FACILITATOR)
                .map(status -> status == Appointments.Status.WITHDRAWN).orElse(false);
    }

    private void requireAppointed(List<UUID> named) {
        List<UUID> notAppointed = appointments.notAppointed(named, Appointments.FACILITATOR);
        if (!notAppointed.isEmpty()) {
            throw new InvalidRequestException("Only appointed facilitators facilitate a group; not appointed: "
                    + notAppointed.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** The caller joins a forming or active group: a place while one is free, otherwise its waitlist. */
    @Transactional
    public Membership join(UUID groupId, Caller caller) {
        Group group = lock(groupId);
        group.requireAcceptsMembers();
        if (group.isFacilitatedBy(caller.subjectId())) {
            throw new ConflictException("You facilitate this group already");
        }
        Waitlist members = groups.members(group);
        Waitlist.Entry entry = members.join(caller.subjectId(), clock.instant());
        groups.addMember(groupId, entry);
        if (entry.place() == Waitlist.Place.CONFIRMED) {
            events.publish(groupId, new MemberJoinedGroup(groupId, group.networkId(), group.name(), entry.personId(),
                    false, entry.since()));
        }
        return new Membership(groupId, entry.personId(), entry.place(), members.placesLeft());
    }

    /** The caller leaves a forming or active group (or its waitlist); the first person waiting takes their place. */
    @Transactional
    public void leave(UUID groupId, Caller caller) {
        Group group = lock(groupId);
        group.requireAcceptsMembers();
        Instant now = clock.instant();
        Waitlist.Departure departure = groups.members(group).leave(caller.subjectId(), now);
        groups.removeMember(groupId, caller.subjectId());
        local.publishEvent(new LeftGroup(groupId, caller.subjectId()));
        if (departure.left().place() == Waitlist.Place.CONFIRMED) {
            events.publish(groupId, new MemberLeftGroup(groupId, group.networkId(), group.name(), caller.subjectId(),
                    now));
        }
        departure.promoted().ifPresent(promoted -> {
            groups.confirmMember(groupId, promoted.personId());
            events.publish(groupId, new MemberJoinedGroup(groupId, group.networkId(), group.name(),
                    promoted.personId(), true, now));
        });
    }

    @Transactional(readOnly = true)
    public Group get(UUID groupId) {
        return groups.find(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId));
    }

    @Transactional(readOnly = true)
    public List<Group> search(UUID networkId, String area, GroupStatus status, ProgrammePlace programme, int limit) {
        return groups.search(networkId, area, status, programme, limit);
    }

    /**
     * One of the caller's groups and where they stand in it.
     *
     * @param place their place in its list (null when they only facilitate it)
     * @param waitlistPosition where they are on its waitlist, from 1; 0 when they are not waiting
     */
    public record MyGroup(Group group, Waitlist.Place place, int waitlistPosition, boolean facilitates) {
    }

    /** The groups the caller facilitates, belongs to or waits to join, with their place in each. */
    @Transactional(readOnly = true)
    public List<MyGroup> mine(Caller caller) {
        UUID me = caller.subjectId();
        return groups.of(me).stream().map(group -> {
            List<Waitlist.Entry> waiting = groups.members(group).inOrder().stream()
                    .filter(entry -> entry.place() == Waitlist.Place.WAITLISTED).toList();
            Waitlist.Place place = groups.members(group).find(me).map(Waitlist.Entry::place).orElse(null);
            int position = waiting.stream().map(Waitlist.Entry::personId).toList().indexOf(me) + 1;
            return new MyGroup(group, place, position, group.facilitatorIds().contains(me));
        }).toList();
    }

    /** Everyone in a group's list (members and waitlist); for its facilitators and programme admins. */
    @Transactional(readOnly = true)
    public Waitlist roster(UUID groupId, Caller caller) {
        Group group = get(groupId);
        requireCanRun(group, caller);
        return groups.members(group);
    }

    /** How many places are taken and how many wait in each group, for anyone to see. */
    @Transactional(readOnly = true)
    public Map<UUID, Waitlist.Counts> places(Collection<Group> listed) {
        return groups.counts(listed);
    }

    /** Whether the person is a confirmed member of the group. */
    @Transactional(readOnly = true)
    public boolean isMember(UUID groupId, UUID personId) {
        Group group = get(groupId);
        return groups.members(group).find(personId).map(entry -> entry.place() == Waitlist.Place.CONFIRMED)
                .orElse(false);
    }

    /** Subject ids of the group's confirmed members. */
    @Transactional(readOnly = true)
    public List<UUID> confirmedMembers(Group group) {
        return groups.members(group).confirmedIds();
    }

    /** Only the group's facilitators, or a programme admin, run a group: its meetings, attendance and outcome. */
    public void requireCanRun(Group group, Caller caller) {
        if (!canRun(group, caller)) {
            throw new ForbiddenException("Only this group's facilitators or a programme admin may do this");
        }
    }

    /** Whether the caller is one of the group's facilitators or a programme admin. */
    public boolean canRun(Group group, Caller caller) {
        return group.isFacilitatedBy(caller.subjectId()) || caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN);
    }

    private Group lock(UUID groupId) {
        return groups.lock(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId));
    }
}

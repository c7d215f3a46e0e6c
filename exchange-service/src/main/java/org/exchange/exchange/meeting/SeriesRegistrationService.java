package org.exchange.exchange.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering once for all of a group's meetings: a member (or a facilitator) is registered for each of the group's
 * meetings still to come, and for each meeting scheduled later as it is scheduled, as if they had registered for each
 * (a place while one is free, otherwise the end of the waitlist; the same events). Ending it, leaving the group or no
 * longer facilitating it (an appointment withdrawn) ends it and cancels the registrations it made for meetings still to
 * come; their own registrations and past attendance stay.
 * The registrations it makes when it starts carry one id and their number, so that the person is told of them in one
 * notice; those it makes for meetings scheduled later are told one by one.
 */
@Service
public class SeriesRegistrationService {

    private final SeriesRegistrations series;
    private final Meetings meetings;
    private final Registrar registrar;
    private final GroupService groups;
    private final Clock clock;

    SeriesRegistrationService(SeriesRegistrations series, Meetings meetings, Registrar registrar, GroupService groups,
            Clock clock) {
        this.series = series;
        this.meetings = meetings;
        this.registrar = registrar;
        this.groups = groups;
        this.clock = clock;
    }

    /** One of the person's registrations for a meeting of the group still to come. */
    public record Registered(Meeting meeting, Waitlist.Place place, boolean bySeries) {
    }

    /**
     * The person's registration for all of a group's meetings, and their registrations for its meetings still to come.
     *
     * @param since when they registered for all of them, or empty when they have not
     */
    public record State(UUID groupId, Optional<Instant> since, List<Registered> registrations) {
    }

    /**
     * The caller registers for all of the group's meetings, those still to come and those scheduled later; meetings
     * they registered for already stay as they are. Again, it registers them for those they have since cancelled.
     */
    @Transactional
    public State register(UUID groupId, Caller caller) {
        Group group = groups.get(groupId);
        UUID person = caller.subjectId();
        if (!group.isFacilitatedBy(person) && !groups.isMember(groupId, person)) {
            throw new ForbiddenException("A group's meetings are for its members; join the group first");
        }
        if (!group.status().plansMeetings()) {
            throw new ConflictException("Registering for all of a group's meetings is open while the group is "
                    + "forming or active; it is " + group.status());
        }
        series.lockGroup(groupId);
        Instant now = clock.instant();
        series.add(groupId, person, now);
        List<Meeting> unregistered = new ArrayList<>();
        for (Meeting upcoming : meetings.upcomingOfGroup(groupId, now)) {
            Meeting meeting = meetings.lock(upcoming.id()).orElseThrow();
            if (meetings.registrations(meeting).find(person).isEmpty()) {
                unregistered.add(meeting);
            }
        }
        Registrar.Together together = new Registrar.Together(UUID.randomUUID(), unregistered.size());
        unregistered.forEach(meeting -> registrar.register(meeting, person, together, now));
        return state(groupId, person, now);
    }

    /**
     * The caller ends their registration for all of the group's meetings: the registrations it made for meetings still
     * to come are cancelled (the first person waiting takes each freed place).
     */
    @Transactional
    public void end(UUID groupId, Caller caller) {
        groups.get(groupId);
        series.lockGroup(groupId);
        if (!endFor(groupId, caller.subjectId())) {
            throw new ConflictException("You are not registered for all of this group's meetings");
        }
    }

    /** Where the caller stands: registered for all of the group's meetings or not, and for which ones still to come. */
    @Transactional(readOnly = true)
    public State state(UUID groupId, Caller caller) {
        groups.get(groupId);
        return state(groupId, caller.subjectId(), clock.instant());
    }

    /** Registers everyone registered for all of the group's meetings for the meetings just scheduled. */
    @Transactional
    void registerForScheduled(Group group, List<Meeting> scheduled, Instant now) {
        series.lockGroup(group.id());
        List<UUID> registrants = series.of(group.id());
        for (Meeting meeting : scheduled) {
            registrants.forEach(person -> registrar.register(meeting, person, true, now));
        }
    }

    /**
     * Leaving a group, or no longer facilitating it, ends the person's registration for all of its meetings, in the
     * transaction that takes them off it.
     */
    @EventListener
    void leftGroup(GroupService.LeftGroup left) {
        series.lockGroup(left.groupId());
        endFor(left.groupId(), left.personId());
    }

    /** Forgets the person's registrations for all of a group's meetings (erasure); their registrations stay. */
    @Transactional
    public int erase(UUID personId) {
        return series.removeAllOf(personId);
    }

    private boolean endFor(UUID groupId, UUID person) {
        if (!series.remove(groupId, person)) {
            return false;
        }
        Instant now = clock.instant();
        for (Registered registered : meetings.upcomingRegistrationsOf(person, groupId, now)) {
            if (registered.bySeries()) {
                registrar.cancel(meetings.lock(registered.meeting().id()).orElseThrow(), person, now);
            }
        }
        return true;
    }

    private State state(UUID groupId, UUID person, Instant now) {
        return new State(groupId, series.since(groupId, person), meetings.upcomingRegistrationsOf(person, groupId, now));
    }
}

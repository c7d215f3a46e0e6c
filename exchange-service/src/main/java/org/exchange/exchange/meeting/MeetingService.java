package org.exchange.exchange.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.exchange.contracts.exchange.MeetingCancelled;
import org.exchange.contracts.exchange.MeetingRescheduled;
import org.exchange.contracts.exchange.MeetingScheduled;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.GroupStatus;
import org.exchange.exchange.history.HistoryRules;
import org.exchange.exchange.network.NetworkService;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of meetings and events: scheduling, rescheduling, cancelling, and registration with a waitlist. */
@Service
public class MeetingService {

    private final Meetings meetings;
    private final GroupService groups;
    private final NetworkService networks;
    private final Directory directory;
    private final IntegrationEvents events;
    private final HistoryRules history;
    private final Registrar registrar;
    private final SeriesRegistrationService series;
    private final Clock clock;

    MeetingService(Meetings meetings, GroupService groups, NetworkService networks, Directory directory,
            IntegrationEvents events, HistoryRules history, Registrar registrar, SeriesRegistrationService series,
            Clock clock) {
        this.registrar = registrar;
        this.series = series;
        this.meetings = meetings;
        this.groups = groups;
        this.networks = networks;
        this.directory = directory;
        this.events = events;
        this.history = history;
        this.clock = clock;
    }

    /** What is stated to schedule a meeting; a group meeting names its group, a network event its network. */
    public record NewMeeting(UUID networkId, UUID groupId, MeetingKind kind, String title, String description,
            String keySpeaker, Meeting.Slot slot, int capacity) {
    }

    /** A person's registration with its meeting. */
    public record MyRegistration(Meeting meeting, Waitlist.Place place) {
    }

    /**
     * Schedules a meeting: a group's facilitators (or a programme admin) schedule its meetings while it forms or is
     * active; programme admins schedule network events. Those registered for all of the group's meetings are
     * registered for it.
     */
    @Transactional
    public Meeting schedule(NewMeeting request, Caller caller) {
        if (request.groupId() != null) {
            Group group = groupPlanningMeetings(request.groupId(), request.networkId(), caller);
            return scheduleForGroup(group, List.of(request), null, caller).getFirst();
        }
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Network events are scheduled by programme admins");
        }
        if (request.networkId() == null) {
            throw new InvalidRequestException("A network event needs its network");
        }
        networks.get(request.networkId());
        Optional<Venue> venue = venueFor(request.slot(), request.capacity(), false);
        Meeting meeting = Meeting.schedule(request.networkId(), null, request.kind(), request.title(),
                request.description(), request.keySpeaker(), request.slot(), request.capacity(), caller.subjectId(),
                clock.instant());
        meetings.add(meeting);
        publishScheduled(meeting, venue, List.of(), null, null);
        return meeting;
    }

    /**
     * Schedules several of a group's meetings at once (at most {@link MeetingBatch#MOST}), all or none: a row that
     * breaks a rule refuses the whole batch, naming the row. Each meeting's {@code MeetingScheduled} carries the
     * batch's id and size, so that the group's members are told of them together, in one notice.
     *
     * @return the meetings, in the order of the rows
     */
    @Transactional
    public MeetingBatch scheduleBatch(UUID groupId, List<NewMeeting> rows, Caller caller) {
        Group group = groupPlanningMeetings(groupId, null, caller);
        MeetingBatch.requireDistinctStarts(rows.stream().map(NewMeeting::slot).toList());
        UUID batchId = rows.size() > 1 ? UUID.randomUUID() : null;
        return new MeetingBatch(batchId, scheduleForGroup(group, rows, batchId, caller));
    }

    private Group groupPlanningMeetings(UUID groupId, UUID networkId, Caller caller) {
        Group group = groups.get(groupId);
        groups.requireCanRun(group, caller);
        if (!group.status().plansMeetings()) {
            throw new ConflictException("Meetings are planned while a group is forming or active; it is "
                    + group.status());
        }
        if (networkId != null && !networkId.equals(group.networkId())) {
            throw new InvalidRequestException("The group belongs to another network");
        }
        return group;
    }

    /** Schedules the group's meetings, tells its members (together, when there is a batch) and registers its series. */
    private List<Meeting> scheduleForGroup(Group group, List<NewMeeting> requests, UUID batchId, Caller caller) {
        Instant now = clock.instant();
        List<UUID> invited = groups.confirmedMembers(group);
        List<Meeting> scheduled = new ArrayList<>();
        List<Optional<Venue>> venues = new ArrayList<>();
        for (int row = 0; row < requests.size(); row++) {
            NewMeeting request = requests.get(row);
            int index = requests.size() > 1 ? row : -1;
            venues.add(MeetingBatch.row(index, () -> venueFor(request.slot(), request.capacity(), false)));
            scheduled.add(MeetingBatch.row(index, () -> Meeting.schedule(group.networkId(), group.id(),
                    request.kind(), request.title(), request.description(), request.keySpeaker(), request.slot(),
                    request.capacity(), caller.subjectId(), now)));
        }
        for (int row = 0; row < scheduled.size(); row++) {
            meetings.add(scheduled.get(row));
            publishScheduled(scheduled.get(row), venues.get(row), invited, batchId,
                    batchId == null ? null : scheduled.size());
        }
        series.registerForScheduled(group, scheduled, now);
        return scheduled;
    }

    private void publishScheduled(Meeting meeting, Optional<Venue> venue, List<UUID> invited, UUID batchId,
            Integer batchSize) {
        events.publish(meeting.id(), new MeetingScheduled(meeting.id(), meeting.networkId(), meeting.groupId(),
                meeting.kind().name(), meeting.title(), meeting.startsAt(), meeting.endsAt(),
                meeting.timeZone().getId(), meeting.venueId(), venue.map(Venue::name).orElse(null),
                meeting.onlineUrl(), meeting.capacity(), meeting.keySpeaker(), invited, meeting.updatedAt(), batchId,
                batchSize));
    }

    /**
     * Records a meeting that took place, as programme history: a programme admin for any group or network event; a
     * group's facilitator for their own group, up to {@link HistoryRules#facilitatorDays()} days after it. The group
     * is forming, active or reporting. Nobody is invited to a meeting that is over, so no {@link MeetingScheduled} is
     * published; its attendance, recorded next, publishes as any attendance does.
     */
    @Transactional
    public Meeting recordPast(NewMeeting request, Caller caller) {
        UUID networkId = request.networkId();
        Instant now = clock.instant();
        LocalDate groupStart = null;
        if (request.groupId() != null) {
            Group group = groups.get(request.groupId());
            history.requireMayRecord(caller, group.isFacilitatedBy(caller.subjectId()), request.slot().endsAt(), now);
            if (group.status() == GroupStatus.PROPOSED || group.status() == GroupStatus.CLOSED) {
                throw new ConflictException("A past meeting is recorded while a group is forming, active or "
                        + "reporting; it is " + group.status());
            }
            if (networkId != null && !networkId.equals(group.networkId())) {
                throw new InvalidRequestException("networkId", "The group belongs to another network");
            }
            networkId = group.networkId();
            groupStart = group.plannedStart();
        } else {
            history.requireMayRecord(caller, false, request.slot().endsAt(), now);
            if (networkId == null) {
                throw new InvalidRequestException("networkId", "A network event needs its network");
            }
            networks.get(networkId);
        }
        venueFor(request.slot(), request.capacity(), true);
        Meeting meeting = Meeting.recordPast(networkId, request.groupId(), groupStart, request.kind(),
                request.title(), request.description(), request.keySpeaker(), request.slot(), request.capacity(),
                caller.subjectId(), now);
        meetings.add(meeting);
        return meeting;
    }

    /** Moves a meeting; everyone registered or waiting is told, and calendars see a new SEQUENCE. */
    @Transactional
    public Meeting reschedule(UUID meetingId, Meeting.Slot slot, Caller caller) {
        Meeting current = lock(meetingId);
        requireCanRun(current, caller);
        Optional<Venue> venue = venueFor(slot, current.capacity(), false);
        Meeting meeting = current.reschedule(slot, clock.instant());
        meetings.update(meeting);
        events.publish(meeting.id(), new MeetingRescheduled(meeting.id(), meeting.networkId(), meeting.groupId(),
                meeting.kind().name(), meeting.title(), current.startsAt(), meeting.startsAt(), meeting.endsAt(),
                meeting.timeZone().getId(), meeting.venueId(), venue.map(Venue::name).orElse(null),
                meeting.onlineUrl(), meeting.sequence(), everyoneRegistered(meeting), meeting.updatedAt()));
        return meeting;
    }

    /** Cancels a meeting; everyone registered or waiting is told. */
    @Transactional
    public Meeting cancel(UUID meetingId, String reason, Caller caller) {
        Meeting current = lock(meetingId);
        requireCanRun(current, caller);
        Meeting meeting = current.cancel(reason, clock.instant());
        meetings.update(meeting);
        events.publish(meeting.id(), new MeetingCancelled(meeting.id(), meeting.networkId(), meeting.groupId(),
                meeting.kind().name(), meeting.title(), meeting.startsAt(), meeting.timeZone().getId(), reason,
                everyoneRegistered(meeting), meeting.updatedAt()));
        return meeting;
    }

    /**
     * Registers the caller: a place while one is free, otherwise the waitlist. The meeting's row is locked first, so
     * concurrent registrations are counted one after the other and never overbook it.
     */
    @Transactional
    public Waitlist.Entry register(UUID meetingId, Caller caller) {
        Meeting meeting = lock(meetingId);
        Instant now = clock.instant();
        meeting.requireOpenForRegistration(now);
        if (meeting.groupId() != null) {
            Group group = groups.get(meeting.groupId());
            if (!group.isFacilitatedBy(caller.subjectId()) && !groups.isMember(group.id(), caller.subjectId())) {
                throw new ForbiddenException("A group's meetings are for its members; join the group first");
            }
        }
        return registrar.register(meeting, caller.subjectId(), false, now);
    }

    /** The caller cancels their registration; the first person on the waitlist takes the freed place. */
    @Transactional
    public void cancelRegistration(UUID meetingId, Caller caller) {
        Meeting meeting = lock(meetingId);
        Instant now = clock.instant();
        meeting.requireOpenForRegistration(now);
        registrar.cancel(meeting, caller.subjectId(), now);
    }

    @Transactional(readOnly = true)
    public Meeting get(UUID meetingId) {
        return meetings.find(meetingId).orElseThrow(() -> new NotFoundException("No meeting " + meetingId));
    }

    /** Meetings by network and group in start order, at most {@code limit}; past ones only when asked for. */
    @Transactional(readOnly = true)
    public List<Meeting> search(UUID networkId, UUID groupId, boolean includePast, boolean includeCancelled,
            int limit) {
        return meetings.search(networkId, groupId, includePast ? null : clock.instant(), includeCancelled, limit);
    }

    /** Places taken and people waiting at each meeting; counts anyone may see. */
    @Transactional(readOnly = true)
    public Map<UUID, Waitlist.Counts> places(Collection<Meeting> listed) {
        return meetings.counts(listed);
    }

    /** How many people attended each of the meetings, as recorded (none before attendance is recorded). */
    @Transactional(readOnly = true)
    public Map<UUID, Integer> attended(Collection<Meeting> listed) {
        return meetings.attended(listed);
    }

    /** Who registered and who waits, for those who run the meeting. */
    @Transactional(readOnly = true)
    public Waitlist registrations(UUID meetingId, Caller caller) {
        Meeting meeting = get(meetingId);
        requireCanRun(meeting, caller);
        return meetings.registrations(meeting);
    }

    /** The caller's registrations for meetings not yet over. */
    @Transactional(readOnly = true)
    public List<MyRegistration> mine(Caller caller) {
        return meetings.registrationsOf(caller.subjectId(), clock.instant());
    }

    /** The meetings in a person's calendar: registered, waiting, or facilitated; cancelled ones included. */
    @Transactional(readOnly = true)
    public List<Meeting> calendarOf(UUID personId) {
        return meetings.calendarOf(personId);
    }

    /** The venue of a meeting, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Venue> venueOf(Meeting meeting) {
        return meeting.venueId() == null ? Optional.empty() : directory.venue(meeting.venueId());
    }

    /** The venues of the meetings that have one, by venue id. */
    @Transactional(readOnly = true)
    public Map<UUID, Venue> venuesOf(Collection<Meeting> listed) {
        return directory.venues(listed.stream().map(Meeting::venueId).filter(Objects::nonNull).toList());
    }

    /**
     * Of the listed meetings, those whose online join link the caller may see: those who hold a confirmed place and
     * those who run the meeting. Everyone else, and anyone not signed in, learns only that a meeting is online.
     */
    @Transactional(readOnly = true)
    public Set<UUID> withJoinLinkFor(Optional<Caller> caller, Collection<Meeting> listed) {
        if (caller.isEmpty()) {
            return Set.of();
        }
        if (caller.get().hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            return listed.stream().map(Meeting::id).collect(Collectors.toSet());
        }
        return withJoinLinkFor(caller.get().subjectId(), listed);
    }

    /** Of the listed meetings, those whose join link the person may see in their own calendar. */
    @Transactional(readOnly = true)
    public Set<UUID> withJoinLinkFor(UUID personId, Collection<Meeting> listed) {
        return meetings.withJoinLinkFor(personId,
                listed.stream().filter(meeting -> meeting.onlineUrl() != null).map(Meeting::id).toList());
    }

    /**
     * Who may be recorded as attending: the meeting's registrants (with a place or waiting) and, for a group
     * meeting, the group's confirmed members and its facilitators.
     */
    @Transactional(readOnly = true)
    public Set<UUID> expectedAttendees(Meeting meeting) {
        Set<UUID> expected = new HashSet<>(everyoneRegistered(meeting));
        if (meeting.groupId() != null) {
            Group group = groups.get(meeting.groupId());
            expected.addAll(groups.confirmedMembers(group));
            expected.addAll(group.facilitatorIds());
        }
        return expected;
    }

    /** Only a group's facilitators (or a programme admin) run its meetings; programme admins run network events. */
    public void requireCanRun(Meeting meeting, Caller caller) {
        if (!canRun(meeting, caller)) {
            throw new ForbiddenException(meeting.groupId() == null ? "Network events are run by programme admins"
                    : "Only this group's facilitators or a programme admin may do this");
        }
    }

    /** Whether the caller runs this meeting. */
    public boolean canRun(Meeting meeting, Caller caller) {
        if (caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            return true;
        }
        return meeting.groupId() != null && groups.get(meeting.groupId()).isFacilitatedBy(caller.subjectId());
    }

    private List<UUID> everyoneRegistered(Meeting meeting) {
        return meetings.registrations(meeting).inOrder().stream().map(Waitlist.Entry::personId).toList();
    }

    /** The venue of the slot, if any; one no longer offered is refused, unless the meeting is in the past. */
    private Optional<Venue> venueFor(Meeting.Slot slot, int capacity, boolean past) {
        if (slot.venueId() == null) {
            return Optional.empty();
        }
        Venue venue = directory.venue(slot.venueId())
                .orElseThrow(() -> new InvalidRequestException("No venue " + slot.venueId() + " is offered"));
        if (venue.withdrawn() && !past) {
            throw new InvalidRequestException("The venue '" + venue.name() + "' is no longer offered");
        }
        if (capacity > venue.capacity()) {
            throw new InvalidRequestException("The venue '%s' seats %d, fewer than the %d places of the meeting"
                    .formatted(venue.name(), venue.capacity(), capacity));
        }
        return Optional.of(venue);
    }

    private Meeting lock(UUID meetingId) {
        return meetings.lock(meetingId).orElseThrow(() -> new NotFoundException("No meeting " + meetingId));
    }
}

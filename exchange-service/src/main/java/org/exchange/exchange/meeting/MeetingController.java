package org.exchange.exchange.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.Venue;
import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.security.Caller;
import org.exchange.platform.validation.WebLink;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Group meetings and network events, and registration for them. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Meetings and events")
class MeetingController {

    private final MeetingService meetings;
    private final Directory directory;

    MeetingController(MeetingService meetings, Directory directory) {
        this.meetings = meetings;
        this.directory = directory;
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule a group meeting (its facilitators or a programme admin) or a network event "
            + "(programme admin)")
    MeetingView schedule(@Valid @RequestBody ScheduleMeeting body, Caller caller) {
        return view(meetings.schedule(new MeetingService.NewMeeting(body.networkId(), body.groupId(), body.kind(),
                body.title(), body.description(), body.keySpeaker(), body.when().slot(), body.capacity()), caller));
    }

    @PostMapping("/meetings/past")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a meeting or event that took place, as programme history (a programme admin; a "
            + "group's facilitator for their own group, within exchange.history.facilitator-days of it); record its attendance "
            + "next with PUT /meetings/{id}/attendance")
    MeetingView recordPast(@Valid @RequestBody ScheduleMeeting body, Caller caller) {
        return view(meetings.recordPast(new MeetingService.NewMeeting(body.networkId(), body.groupId(), body.kind(),
                body.title(), body.description(), body.keySpeaker(), body.when().slot(), body.capacity()), caller));
    }

    @PostMapping("/groups/{groupId}/meetings/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Schedule several of a group's meetings at once, all or none (its facilitators or a programme "
            + "admin; at most " + MeetingBatch.MOST + "); a row that breaks a rule refuses the batch, naming the row in "
            + "errors (meetings[2].when); the group's members get one notice listing them all")
    ScheduledBatchView scheduleBatch(@PathVariable UUID groupId, @Valid @RequestBody ScheduleMeetings body,
            Caller caller) {
        List<BatchMeeting> rows = body.meetings();
        List<MeetingService.NewMeeting> meetingsToSchedule = IntStream.range(0, rows.size()).mapToObj(row -> {
            BatchMeeting meeting = rows.get(row);
            Meeting.Slot slot = MeetingBatch.row(row, () -> meeting.when().slot());
            return new MeetingService.NewMeeting(null, groupId, MeetingKind.GROUP_MEETING, meeting.title(),
                    meeting.description(), null, slot, meeting.capacity());
        }).toList();
        MeetingBatch batch = meetings.scheduleBatch(groupId, meetingsToSchedule, caller);
        return new ScheduledBatchView(batch.batchId(), views(batch.meetings(),
                batch.meetings().stream().map(Meeting::id).collect(java.util.stream.Collectors.toSet())));
    }

    @GetMapping("/meetings")
    @Operation(summary = "Meetings and events by network and group, upcoming unless past ones are asked for (public; "
            + "the online join link only for those registered and those who run the meeting)")
    List<MeetingView> search(@RequestParam(required = false) UUID networkId,
            @RequestParam(required = false) UUID groupId,
            @RequestParam(defaultValue = "false") boolean includePast,
            @RequestParam(defaultValue = "false") boolean includeCancelled,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, Optional<Caller> caller) {
        return views(meetings.search(networkId, groupId, includePast, includeCancelled, limit), caller);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "One meeting or event with its places left (public; the online join link only for those "
            + "registered and those who run the meeting)")
    MeetingView one(@PathVariable UUID id, Optional<Caller> caller) {
        return views(List.of(meetings.get(id)), caller).getFirst();
    }

    @PostMapping("/meetings/{id}/reschedule")
    @Operation(summary = "Move a meeting in time or place; the people registered are told")
    MeetingView reschedule(@PathVariable UUID id, @Valid @RequestBody When body, Caller caller) {
        return view(meetings.reschedule(id, body.slot(), caller));
    }

    @PostMapping("/meetings/{id}/cancel")
    @Operation(summary = "Cancel a meeting; the people registered are told")
    MeetingView cancel(@PathVariable UUID id, @Valid @RequestBody Cancellation body, Caller caller) {
        return view(meetings.cancel(id, body.reason(), caller));
    }

    @PostMapping("/meetings/{id}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register the caller: a place while one is free, otherwise the waitlist")
    RegistrationView register(@PathVariable UUID id, Caller caller) {
        Waitlist.Entry entry = meetings.register(id, caller);
        return new RegistrationView(id, entry.personId(), null, entry.place(), entry.since());
    }

    @DeleteMapping("/meetings/{id}/registrations/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Cancel the caller's registration; the first person waiting gets the place")
    void cancelRegistration(@PathVariable UUID id, Caller caller) {
        meetings.cancelRegistration(id, caller);
    }

    @GetMapping("/meetings/{id}/registrations")
    @Operation(summary = "Who registered and who waits (those who run the meeting)")
    List<RegistrationView> registrations(@PathVariable UUID id, Caller caller) {
        List<Waitlist.Entry> entries = meetings.registrations(id, caller).inOrder();
        Map<UUID, String> names = directory.displayNames(entries.stream().map(Waitlist.Entry::personId).toList());
        return entries.stream().map(entry -> new RegistrationView(id, entry.personId(), names.get(entry.personId()),
                entry.place(), entry.since())).toList();
    }

    @GetMapping("/me/registrations")
    @Operation(summary = "The caller's registrations for meetings not yet over")
    List<MyRegistrationView> mine(Caller caller) {
        List<MeetingService.MyRegistration> mine = meetings.mine(caller);
        List<MeetingView> views = views(mine.stream().map(MeetingService.MyRegistration::meeting).toList(),
                Optional.of(caller));
        return IntStream.range(0, mine.size())
                .mapToObj(i -> new MyRegistrationView(views.get(i), mine.get(i).place())).toList();
    }

    /** A meeting as those who run it see it (they just scheduled, moved or cancelled it): with its join link. */
    private MeetingView view(Meeting meeting) {
        return views(List.of(meeting), Set.of(meeting.id())).getFirst();
    }

    private List<MeetingView> views(List<Meeting> listed, Optional<Caller> caller) {
        return views(listed, meetings.withJoinLinkFor(caller, listed));
    }

    private List<MeetingView> views(List<Meeting> listed, Set<UUID> withJoinLink) {
        Map<UUID, Waitlist.Counts> places = meetings.places(listed);
        Map<UUID, Integer> attended = meetings.attended(listed);
        Map<UUID, Venue> venues = meetings.venuesOf(listed);
        return listed.stream().map(meeting -> {
            Waitlist.Counts counts = places.get(meeting.id());
            Venue venue = meeting.venueId() == null ? null : venues.get(meeting.venueId());
            return new MeetingView(meeting.id(), meeting.networkId(), meeting.groupId(), meeting.kind(),
                    meeting.title(), meeting.description(), meeting.keySpeaker(),
                    OffsetDateTime.ofInstant(meeting.startsAt(), meeting.timeZone()),
                    OffsetDateTime.ofInstant(meeting.endsAt(), meeting.timeZone()), meeting.timeZone().getId(),
                    venue == null ? null : VenueView.of(venue), meeting.onlineUrl() != null,
                    withJoinLink.contains(meeting.id()) ? meeting.onlineUrl() : null, meeting.capacity(),
                    counts.placesLeft(), counts.waiting(), attended.getOrDefault(meeting.id(), 0), meeting.status(),
                    meeting.sequence(), meeting.cancelReason(), withJoinLink.contains(meeting.id())
                            ? meeting.recordedAfterwards()
                            : RecordedAfterwards.anonymous(meeting.recordedAfterwards()));
        }).toList();
    }

    /** When and where, as people state it: a local date and time in a named time zone. */
    record When(
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @NotBlank @Size(max = 64) String timeZone,
            UUID venueId,
            @Size(max = 500) @WebLink String onlineUrl) {

        Meeting.Slot slot() {
            ZoneId zone;
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new InvalidRequestException("'" + timeZone + "' is not a time zone, such as Europe/London");
            }
            return new Meeting.Slot(startsAt.atZone(zone).toInstant(), endsAt.atZone(zone).toInstant(), zone, venueId,
                    onlineUrl == null || onlineUrl.isBlank() ? null : onlineUrl.strip());
        }

    }

    /** A meeting to schedule. */
    record ScheduleMeeting(
            UUID networkId,
            UUID groupId,
            @NotNull MeetingKind kind,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @Size(max = 200) String keySpeaker,
            @NotNull @Valid When when,
            @Min(1) @Max(5000) int capacity) {
    }

    /** Several of a group's meetings to schedule at once. */
    record ScheduleMeetings(@NotNull @Size(min = 1, max = MeetingBatch.MOST) List<@NotNull @Valid BatchMeeting> meetings) {
    }

    /** One of the group meetings of a batch. */
    record BatchMeeting(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull @Valid When when,
            @Min(1) @Max(5000) int capacity) {
    }

    /**
     * The meetings a batch scheduled, in the order given.
     *
     * @param batchId the id their events carry, or null when the batch held one meeting
     */
    record ScheduledBatchView(UUID batchId, List<MeetingView> meetings) {
    }

    /** Why a meeting is cancelled. */
    record Cancellation(@Size(max = 1000) String reason) {
    }

    /** A venue as shown with a meeting. */
    record VenueView(UUID id, String name, String address, String postcode, String accessibility) {

        static VenueView of(Venue venue) {
            return new VenueView(venue.id(), venue.name(), venue.address(), venue.postcode(), venue.accessibility());
        }
    }

    /**
     * A meeting as anyone may see it: counts of places, never who registered.
     *
     * @param online whether it is held online
     * @param onlineUrl the join link, only for those registered and those who run the meeting; otherwise null
     * @param attended how many people were recorded as having attended (0 until attendance is recorded)
     * @param recordedAfterwards when it was entered, if it was recorded after it took place (and by whom, for those who
     *     run it); null otherwise
     */
    record MeetingView(UUID id, UUID networkId, UUID groupId, MeetingKind kind, String title, String description,
            String keySpeaker, OffsetDateTime startsAt, OffsetDateTime endsAt, String timeZone, VenueView venue,
            boolean online, String onlineUrl, int capacity, int placesLeft, int waitlisted, int attended,
            MeetingStatus status, int sequence, String cancelReason, RecordedAfterwards recordedAfterwards) {
    }

    /** A registration; the name shows only to those who run the meeting. */
    record RegistrationView(UUID meetingId, UUID practitionerId, String displayName, Waitlist.Place place,
            Instant since) {
    }

    /** One of the caller's registrations. */
    record MyRegistrationView(MeetingView meeting, Waitlist.Place place) {
    }
}

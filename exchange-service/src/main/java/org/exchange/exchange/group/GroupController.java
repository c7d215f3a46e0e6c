package org.exchange.exchange.group;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.waitlist.Waitlist;
import org.exchange.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subject and thematic groups: proposing, running through their lifecycle, joining and leaving. */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Groups")
class GroupController {

    private final GroupService groups;
    private final Directory directory;

    GroupController(GroupService groups, Directory directory) {
        this.groups = groups;
        this.directory = directory;
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a group (facilitator or programme admin)")
    GroupView propose(@Valid @RequestBody ProposeGroup body, Caller caller) {
        return view(groups.propose(new GroupService.Proposal(body.networkId(), body.name(), body.kind(), body.area(),
                body.challenge(), body.capacity(), body.plannedStart(), body.plannedEnd(), body.facilitatorIds(),
                body.cycleId() == null && body.waveNumber() == null ? null
                        : new ProgrammePlace(body.cycleId(), body.waveNumber())),
                caller));
    }

    @GetMapping("/groups")
    @Operation(summary = "Find groups by network, area, status, programme cycle and wave (public; no personal data)")
    List<GroupView> search(@RequestParam(required = false) UUID networkId,
            @RequestParam(required = false) String area, @RequestParam(required = false) GroupStatus status,
            @RequestParam(required = false) UUID cycleId, @RequestParam(required = false) @Min(1) Integer wave,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return views(groups.search(networkId, area, status,
                cycleId == null && wave == null ? null : new ProgrammePlace(cycleId, wave), limit));
    }

    @GetMapping("/groups/{id}")
    @Operation(summary = "One group (public; no personal data)")
    GroupView one(@PathVariable UUID id) {
        return view(groups.get(id));
    }

    @PostMapping("/groups/{id}/open")
    @Operation(summary = "Accept a proposed group so that it recruits members (programme admin)")
    GroupView open(@PathVariable UUID id, Caller caller) {
        return view(groups.openForMembers(id, caller));
    }

    @PostMapping("/groups/{id}/activate")
    @Operation(summary = "Start a forming group: needs a facilitator and enough meetings planned in its span "
            + "(its facilitators or a programme admin)")
    GroupView activate(@PathVariable UUID id, Caller caller) {
        return view(groups.activate(id, caller));
    }

    @PostMapping("/groups/{id}/reporting")
    @Operation(summary = "Move an active group to reporting (its facilitators or a programme admin)")
    GroupView reporting(@PathVariable UUID id, Caller caller) {
        return view(groups.startReporting(id, caller));
    }

    @PostMapping("/groups/{id}/close")
    @Operation(summary = "Close a reporting group: needs its meetings held and its outcome published "
            + "(its facilitators or a programme admin)")
    GroupView close(@PathVariable UUID id, Caller caller) {
        return view(groups.close(id, caller));
    }

    @PutMapping("/groups/{id}/programme")
    @Operation(summary = "Place a group in one of its network's programme cycles and waves, at any stage of its life; "
            + "no cycle takes it out (programme admin)")
    GroupView placeInProgramme(@PathVariable UUID id, @Valid @RequestBody PlaceInProgramme body, Caller caller) {
        return view(groups.placeInProgramme(id, new ProgrammePlace(body.cycleId(), body.waveNumber()), caller));
    }

    @PostMapping("/groups/{id}/facilitators")
    @Operation(summary = "Add a facilitator to a group (programme admin)")
    GroupView addFacilitator(@PathVariable UUID id, @Valid @RequestBody AddFacilitator body, Caller caller) {
        return view(groups.addFacilitator(id, body.practitionerId(), caller));
    }

    @PostMapping("/groups/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join a forming or active group; a full group puts the caller on its waitlist")
    GroupService.Membership join(@PathVariable UUID id, Caller caller) {
        return groups.join(id, caller);
    }

    @DeleteMapping("/groups/{id}/members/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a group or its waitlist; the first person waiting takes the place")
    void leave(@PathVariable UUID id, Caller caller) {
        groups.leave(id, caller);
    }

    @GetMapping("/groups/{id}/members")
    @Operation(summary = "A group's members and waitlist with their names (its facilitators or a programme admin)")
    List<MemberView> members(@PathVariable UUID id, Caller caller) {
        List<Waitlist.Entry> entries = groups.roster(id, caller).inOrder();
        Map<UUID, String> names = directory.displayNames(entries.stream().map(Waitlist.Entry::personId).toList());
        return entries.stream().map(entry -> new MemberView(entry.personId(), names.get(entry.personId()),
                entry.place(), entry.since())).toList();
    }

    @GetMapping("/me/groups")
    @Operation(summary = "The groups the caller facilitates, belongs to or waits to join, with their place in each")
    List<MyGroupView> mine(Caller caller) {
        List<GroupService.MyGroup> mine = groups.mine(caller);
        List<GroupView> views = views(mine.stream().map(GroupService.MyGroup::group).toList());
        return IntStream.range(0, mine.size()).mapToObj(i -> new MyGroupView(views.get(i),
                mine.get(i).place(), mine.get(i).waitlistPosition(), mine.get(i).facilitates())).toList();
    }

    private GroupView view(Group group) {
        return views(List.of(group)).getFirst();
    }

    private List<GroupView> views(List<Group> listed) {
        Map<UUID, Waitlist.Counts> places = groups.places(listed);
        return listed.stream().map(group -> {
            Waitlist.Counts counts = places.get(group.id());
            return new GroupView(group.id(), group.networkId(), group.name(), group.kind(), group.area(),
                    group.challenge(), group.capacity(), group.plannedStart(), group.plannedEnd(), group.status(),
                    group.facilitatorIds().size(), counts.confirmed(), counts.waiting(), counts.placesLeft(),
                    group.programme() == null ? null : group.programme().cycleId(),
                    group.programme() == null ? null : group.programme().waveNumber());
        }).toList();
    }

    /** A proposed group. */
    record ProposeGroup(
            @NotNull UUID networkId,
            @NotBlank @Size(max = 200) String name,
            @NotNull GroupKind kind,
            @NotBlank @Size(max = 100) String area,
            @NotBlank @Size(max = 2000) String challenge,
            @Min(1) @Max(500) int capacity,
            @NotNull LocalDate plannedStart,
            @NotNull LocalDate plannedEnd,
            @Size(max = 20) List<@NotNull UUID> facilitatorIds,
            UUID cycleId,
            @Min(1) Integer waveNumber) {
    }

    /** A programme cycle of the group's network and, optionally, one of its waves; no cycle takes it out of one. */
    record PlaceInProgramme(UUID cycleId, @Min(1) Integer waveNumber) {
    }

    /** A facilitator to add. */
    record AddFacilitator(@NotNull UUID practitionerId) {
    }

    /**
     * A group as anyone may see it: counts, never names.
     *
     * @param cycleId the programme cycle it belongs to, or null
     * @param waveNumber the wave of that cycle, or null
     */
    record GroupView(UUID id, UUID networkId, String name, GroupKind kind, String area, String challenge,
            int capacity, LocalDate plannedStart, LocalDate plannedEnd, GroupStatus status, int facilitators,
            int members, int waitlisted, int placesLeft, UUID cycleId, Integer waveNumber) {
    }

    /**
     * One of the caller's groups, with where they stand in it.
     *
     * @param place CONFIRMED (a member) or WAITLISTED; null when they only facilitate it
     * @param waitlistPosition their position on the waitlist, from 1; 0 when they are not waiting
     * @param facilitates whether they facilitate it
     */
    record MyGroupView(@JsonUnwrapped GroupView group, Waitlist.Place place, int waitlistPosition,
            boolean facilitates) {
    }

    /** A member or waiting person, for those who run the group. */
    record MemberView(UUID practitionerId, String displayName, Waitlist.Place place, Instant since) {
    }
}

package org.exchange.exchange.outcome;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.exchange.contracts.exchange.DisseminationRecorded;
import org.exchange.contracts.exchange.OutcomePublished;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.GroupStatus;
import org.exchange.exchange.network.NetworkService;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases of outcomes: publishing into the public library, searching it, and recording dissemination. */
@Service
public class OutcomeService {

    /** What shows in place of the name of an author who asked not to be named, or was erased. */
    public static final String NAME_WITHHELD = "A group member (name withheld)";

    private final Outcomes outcomes;
    private final Directory directory;
    private final GroupService groups;
    private final NetworkService networks;
    private final IntegrationEvents events;
    private final Clock clock;

    OutcomeService(Outcomes outcomes, Directory directory, GroupService groups, NetworkService networks,
            IntegrationEvents events, Clock clock) {
        this.outcomes = outcomes;
        this.directory = directory;
        this.groups = groups;
        this.networks = networks;
        this.events = events;
        this.clock = clock;
    }

    /** What a publisher states; a group's outcome names the group, a network's own outcome its network. */
    public record NewOutcome(UUID networkId, UUID groupId, OutcomeKind kind, String title, String summary,
            List<String> authorNames, String subjectArea, String licence, String linkUrl) {
    }

    /** A search of the library: text, area, network and year, one page at a time. */
    public record LibraryQuery(String text, String area, UUID networkId, Integer year, int page, int size) {

        public LibraryQuery {
            text = text == null || text.isBlank() ? null : text.strip();
            area = area == null || area.isBlank() ? null : area.strip();
        }
    }

    /** One page of the library. */
    public record Page(List<Outcome> items, int page, int size, long total) {
    }

    /** How far an outcome travelled. */
    public record Reach(int disseminations, int peopleReached, int outsideOrganisation) {

        /** Not disseminated yet. */
        public static final Reach NONE = new Reach(0, 0, 0);
    }

    /** What a member states about cascading an outcome. */
    public record NewDissemination(String audience, boolean insideOrganisation, int peopleReached,
            LocalDate disseminatedOn) {
    }

    /**
     * Publishes an outcome into the public library: a group's facilitators (or a programme admin) publish the
     * group's outcome while it is active or reporting; a programme admin publishes a network's own.
     */
    @Transactional
    public Outcome publish(NewOutcome request, Caller caller) {
        UUID networkId = request.networkId();
        List<UUID> members = List.of();
        if (request.groupId() != null) {
            Group group = groups.get(request.groupId());
            groups.requireCanRun(group, caller);
            if (group.status() != GroupStatus.ACTIVE && group.status() != GroupStatus.REPORTING) {
                throw new ConflictException("A group publishes its outcome while active or reporting; it is "
                        + group.status());
            }
            if (networkId != null && !networkId.equals(group.networkId())) {
                throw new InvalidRequestException("The group belongs to another network");
            }
            networkId = group.networkId();
            members = groups.confirmedMembers(group);
        } else {
            if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
                throw new ForbiddenException("A network's own outcomes are published by programme admins");
            }
            if (networkId == null) {
                throw new InvalidRequestException("An outcome names its group or its network");
            }
            networks.get(networkId);
        }
        Outcome outcome = new Outcome(UUID.randomUUID(), networkId, request.groupId(), request.kind(),
                request.title().strip(), request.summary().strip(),
                request.authorNames().stream().map(String::strip).filter(name -> !name.isEmpty()).toList(),
                request.subjectArea().strip(), request.licence().strip(), request.linkUrl().strip(),
                caller.subjectId(), clock.instant());
        outcomes.add(outcome);
        Outcome shown = shown(List.of(outcome)).getFirst();
        events.publish(outcome.id(), new OutcomePublished(outcome.id(), outcome.networkId(), outcome.groupId(),
                outcome.kind().name(), outcome.title(), outcome.summary(), outcome.subjectArea(), outcome.licence(),
                outcome.linkUrl(), shown.authorNames(), members, outcome.publishedBy(), outcome.publishedAt()));
        return shown;
    }

    /**
     * Outcomes as anyone may see them: the name of an author of a group's outcome who is one of the group's people
     * and asked not to be named on outcomes shows as {@link #NAME_WITHHELD}.
     */
    private List<Outcome> shown(List<Outcome> listed) {
        Map<UUID, Set<String>> withheld = directory.namesWithheld(listed.stream().map(Outcome::groupId)
                .filter(Objects::nonNull).distinct().toList());
        return listed.stream().map(outcome -> {
            Set<String> names = outcome.groupId() == null ? Set.of()
                    : withheld.getOrDefault(outcome.groupId(), Set.of());
            return names.isEmpty() ? outcome : outcome.withAuthorNames(outcome.authorNames().stream()
                    .map(name -> names.contains(name.strip().toLowerCase(Locale.ROOT)) ? NAME_WITHHELD : name)
                    .toList());
        }).toList();
    }

    /** An erased person's name, as entered among the authors of their groups' outcomes, is withheld for good. */
    @Transactional
    public int eraseAuthorName(UUID personId, String fullName) {
        return fullName.isBlank() ? 0 : outcomes.withholdAuthor(personId, fullName, NAME_WITHHELD);
    }

    @Transactional(readOnly = true)
    public Outcome get(UUID id) {
        return shown(List.of(outcomes.find(id).orElseThrow(() -> new NotFoundException("No outcome " + id))))
                .getFirst();
    }

    @Transactional(readOnly = true)
    public Page search(LibraryQuery query) {
        return new Page(shown(outcomes.search(query)), query.page(), query.size(), outcomes.count(query));
    }

    /** How far each of the outcomes travelled. */
    @Transactional(readOnly = true)
    public Map<UUID, Reach> reach(Collection<UUID> outcomeIds) {
        return outcomes.reach(outcomeIds);
    }

    /** A member records that they cascaded an outcome. */
    @Transactional
    public Dissemination disseminate(UUID outcomeId, NewDissemination request, Caller caller) {
        Outcome outcome = get(outcomeId);
        Instant now = clock.instant();
        if (request.disseminatedOn().isAfter(LocalDate.ofInstant(now, clock.getZone()))) {
            throw new InvalidRequestException("Dissemination is recorded once it has happened");
        }
        Dissemination dissemination = new Dissemination(UUID.randomUUID(), outcome.id(), caller.subjectId(),
                request.audience().strip(), request.insideOrganisation(), request.peopleReached(),
                request.disseminatedOn(), now);
        outcomes.addDissemination(dissemination);
        events.publish(outcome.id(), new DisseminationRecorded(dissemination.id(), outcome.id(),
                dissemination.practitionerId(), dissemination.audience(), dissemination.insideOrganisation(),
                dissemination.peopleReached(), dissemination.disseminatedOn(), dissemination.recordedAt()));
        return dissemination;
    }

    /** What the caller cascaded. */
    @Transactional(readOnly = true)
    public List<Dissemination> mine(Caller caller) {
        return outcomes.disseminationsBy(caller.subjectId());
    }
}

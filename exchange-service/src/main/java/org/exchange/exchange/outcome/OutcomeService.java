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
import org.exchange.exchange.ExchangeApplication;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.group.GroupStatus;
import org.exchange.exchange.history.HistoryRules;
import org.exchange.exchange.history.RecordedAfterwards;
import org.exchange.exchange.network.NetworkService;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of outcomes: a group's outcome draft (what works, quoted from its discussion), publishing into the public
 * library, searching it, and recording dissemination.
 */
@Service
public class OutcomeService {

    /** What shows in place of the name of an author who asked not to be named, or was erased. */
    public static final String NAME_WITHHELD = "A group member (name withheld)";

    /**
     * How many matches a library search counts: beyond it the answer says "more than" this many (docs/adr/0026), and
     * the count reads no further. A text search ranks as many, the newest matches (docs/adr/0031).
     */
    public static final int COUNTED_UP_TO = 1_000;

    private final Outcomes outcomes;
    private final OutcomeDrafts drafts;
    private final Directory directory;
    private final GroupService groups;
    private final NetworkService networks;
    private final IntegrationEvents events;
    private final HistoryRules history;
    private final Clock clock;

    OutcomeService(Outcomes outcomes, OutcomeDrafts drafts, Directory directory, GroupService groups, NetworkService networks,
            IntegrationEvents events, HistoryRules history, Clock clock) {
        this.outcomes = outcomes;
        this.drafts = drafts;
        this.directory = directory;
        this.groups = groups;
        this.networks = networks;
        this.events = events;
        this.history = history;
        this.clock = clock;
    }

    /** What a publisher states; a group's outcome names the group, a network's own outcome its network. */
    public record NewOutcome(UUID networkId, UUID groupId, OutcomeKind kind, String title, String summary,
            List<String> authorNames, String subjectArea, String licence, String linkUrl) {
    }

    /**
     * A quotation in a group's outcome draft.
     *
     * @param postId the discussion reply it quotes
     * @param quote the reply's Markdown when it was added
     * @param attribution its author's name, or {@link #NAME_WITHHELD}
     */
    public record DraftItem(UUID id, UUID postId, String quote, String attribution, Instant addedAt) {
    }

    /**
     * A group's outcome draft, for its facilitators to write the outcome from.
     *
     * @param markdown the items as quoted Markdown with their attribution, ready to paste into the outcome's summary
     */
    public record Draft(UUID groupId, List<DraftItem> items, String markdown) {
    }

    /** A search of the library: text, area, network and year, one page at a time. */
    public record LibraryQuery(String text, String area, UUID networkId, Integer year, int page, int size) {

        public LibraryQuery {
            text = text == null || text.isBlank() ? null : text.strip();
            area = area == null || area.isBlank() ? null : area.strip();
        }
    }

    /**
     * One page of the library.
     *
     * @param total how many outcomes match, or {@link #COUNTED_UP_TO} when more do
     * @param moreThanTotal more outcomes match than {@code total} says
     */
    public record Page(List<Outcome> items, int page, int size, long total, boolean moreThanTotal) {
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
        if (request.groupId() != null) {
            groups.requireCanRun(groups.get(request.groupId()), caller);
        } else if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("A network's own outcomes are published by programme admins");
        }
        return publish(request, caller, clock.instant(), null);
    }

    /**
     * Records an outcome that came out earlier, as programme history: in the library under the date it came out (so
     * the library's year filter finds it), marked as recorded afterwards with who entered it and when. A programme
     * admin records any; a group's facilitator their own group's, up to {@link HistoryRules#facilitatorDays()} days
     * after it came out. The group is active or reporting, as for any outcome.
     */
    @Transactional
    public Outcome publishPast(NewOutcome request, LocalDate cameOutOn, Caller caller) {
        Instant now = clock.instant();
        Instant cameOut = cameOutOn.atTime(12, 0).atZone(ExchangeApplication.PROGRAMME_ZONE).toInstant();
        Group group = request.groupId() == null ? null : groups.get(request.groupId());
        history.requireMayRecord(caller, group != null && group.isFacilitatedBy(caller.subjectId()), cameOut, now);
        if (cameOutOn.isAfter(LocalDate.ofInstant(now, ExchangeApplication.PROGRAMME_ZONE))) {
            throw new InvalidRequestException("publishedOn", "An outcome recorded afterwards came out on or before "
                    + "today; publish one that comes out now as usual");
        }
        if (group != null && cameOutOn.isBefore(group.plannedStart())) {
            throw new InvalidRequestException("publishedOn", "A group's outcome comes out on or after the group's "
                    + "planned start, " + group.plannedStart());
        }
        return publish(request, caller, cameOut, new RecordedAfterwards(caller.subjectId(), now));
    }

    private Outcome publish(NewOutcome request, Caller caller, Instant publishedAt, RecordedAfterwards afterwards) {
        UUID networkId = request.networkId();
        List<UUID> members = List.of();
        if (request.groupId() != null) {
            Group group = groups.get(request.groupId());
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
            if (networkId == null) {
                throw new InvalidRequestException("An outcome names its group or its network");
            }
            networks.get(networkId);
        }
        Outcome outcome = new Outcome(UUID.randomUUID(), networkId, request.groupId(), request.kind(),
                request.title().strip(), request.summary().strip(),
                request.authorNames().stream().map(String::strip).filter(name -> !name.isEmpty()).toList(),
                request.subjectArea().strip(), request.licence().strip(), request.linkUrl().strip(),
                caller.subjectId(), publishedAt, afterwards);
        outcomes.add(outcome);
        Outcome shown = shown(List.of(outcome)).getFirst();
        events.publish(outcome.id(), new OutcomePublished(outcome.id(), outcome.networkId(), outcome.groupId(),
                outcome.kind().name(), outcome.title(), outcome.summary(), outcome.subjectArea(), outcome.licence(),
                outcome.linkUrl(), shown.authorNames(), members, outcome.publishedBy(), outcome.publishedAt(),
                afterwards != null));
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

    /**
     * Adds a quotation to the group's outcome draft (its facilitators, or a programme admin), attributed to its author
     * by name unless they asked not to be named on outcomes; the draft is the facilitators' own until they publish.
     */
    @Transactional
    public DraftItem addToDraft(UUID groupId, UUID postId, String quote, UUID authorId, Caller caller) {
        Group group = groups.get(groupId);
        groups.requireCanRun(group, caller);
        if (group.status() == GroupStatus.CLOSED) {
            throw new ConflictException("The group has closed; its outcome is written");
        }
        String attribution = authorId == null || directory.withholdsNameOnOutcomes(authorId) ? NAME_WITHHELD
                : directory.displayNames(List.of(authorId)).getOrDefault(authorId, NAME_WITHHELD);
        DraftItem item = new DraftItem(UUID.randomUUID(), postId, quote.strip(), attribution, clock.instant());
        if (!drafts.add(groupId, item, authorId, caller.subjectId())) {
            throw new ConflictException("The group's outcome draft quotes this reply already");
        }
        return item;
    }

    /** The group's outcome draft (its facilitators, or a programme admin). */
    @Transactional(readOnly = true)
    public Draft draft(UUID groupId, Caller caller) {
        groups.requireCanRun(groups.get(groupId), caller);
        List<DraftItem> items = drafts.items(groupId);
        return new Draft(groupId, items, items.stream().map(OutcomeService::quoted)
                .collect(java.util.stream.Collectors.joining("\n\n")));
    }

    /** Takes a quotation out of the group's outcome draft (its facilitators, or a programme admin). */
    @Transactional
    public Draft removeFromDraft(UUID groupId, UUID itemId, Caller caller) {
        groups.requireCanRun(groups.get(groupId), caller);
        if (!drafts.remove(groupId, itemId)) {
            throw new NotFoundException("No item " + itemId + " in the group's outcome draft");
        }
        return draft(groupId, caller);
    }

    /** A quotation as Markdown: each line quoted, then who said it. */
    private static String quoted(DraftItem item) {
        return item.quote().lines().map(line -> line.isBlank() ? ">" : "> " + line)
                .collect(java.util.stream.Collectors.joining("\n")) + "\n>\n> \u2014 " + item.attribution();
    }

    /**
     * An erased person's name, as entered among the authors of their groups' outcomes, is withheld for good; their
     * words quoted in outcome drafts go.
     */
    @Transactional
    public int eraseAuthorName(UUID personId, String fullName) {
        drafts.forget(personId);
        return fullName.isBlank() ? 0 : outcomes.withholdAuthor(personId, fullName, NAME_WITHHELD);
    }

    @Transactional(readOnly = true)
    public Outcome get(UUID id) {
        return shown(List.of(outcomes.find(id).orElseThrow(() -> new NotFoundException("No outcome " + id))))
                .getFirst();
    }

    @Transactional(readOnly = true)
    public Page search(LibraryQuery query) {
        if (query.text() != null) {
            outcomes.planSearchesForTheirWords();
        }
        long counted = outcomes.count(query, COUNTED_UP_TO + 1);
        return new Page(shown(outcomes.search(query, COUNTED_UP_TO)), query.page(), query.size(),
                Math.min(counted, COUNTED_UP_TO), counted > COUNTED_UP_TO);
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

package org.exchange.exchange.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exchange.contracts.exchange.DiscussionPostAdded;
import org.exchange.contracts.exchange.DiscussionPostHidden;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.directory.LearningExchangeMembers;
import org.exchange.exchange.directory.Person;
import org.exchange.exchange.discussion.DiscussionAccess.Standing;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.network.NetworkService;
import org.exchange.exchange.outcome.OutcomeService;
import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ConflictException;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.problem.TooManyRequestsException;
import org.exchange.platform.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of discussions: threads and replies in a group's or a network's space, helpful marks, read markers and
 * search for those who take part; pinning, "what works", hiding and opening a closed group's space to its network for
 * those who moderate; reports of posts for programme admins. Who may do what is {@link DiscussionAccess}, asked on
 * every call; a space, thread or post the caller may not read is answered as unknown (404), never as forbidden, so
 * that its existence is not given away.
 */
@Service
public class DiscussionService {

    /** The name of the Learning Exchange's space in a person's list of spaces. */
    static final String LEARNING_EXCHANGE = "The Learning Exchange";
    /** How an erased person's post is attributed. */
    static final String FORMER_MEMBER = "A former member";
    /** The title of a thread whose author was erased. */
    static final String FORMER_MEMBERS_THREAD = "A thread started by a former member";
    private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    private static final int SEARCH_LIMIT = 50;
    /** How long a file waits for the post it was uploaded for before it is deleted. */
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final Discussions discussions;
    private final Attachments attachments;
    private final DiscussionAccess access;
    private final GroupService groups;
    private final NetworkService networks;
    private final Directory directory;
    private final LearningExchangeMembers learningExchange;
    private final OutcomeService outcomes;
    private final IntegrationEvents events;
    private final AuditTrail audit;
    private final DiscussionRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    DiscussionService(Discussions discussions, Attachments attachments, DiscussionAccess access, GroupService groups, NetworkService networks,
            Directory directory, LearningExchangeMembers learningExchange, OutcomeService outcomes,
            IntegrationEvents events, AuditTrail audit, DiscussionRules rules, JdbcClient jdbc, Clock clock) {
        this.discussions = discussions;
        this.attachments = attachments;
        this.access = access;
        this.groups = groups;
        this.networks = networks;
        this.directory = directory;
        this.learningExchange = learningExchange;
        this.outcomes = outcomes;
        this.events = events;
        this.audit = audit;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A link to a resource a post points to (https only). */
    public record Link(String url, String title) {
    }

    /** A file uploaded into a space, to attach to a post: its name as uploaded, the type its content shows. */
    public record Attachment(UUID id, String name, String mediaType, int size, String sha256) {
    }

    /** A file to download. */
    public record AttachmentFile(String name, String mediaType, byte[] content) {
    }

    /** A person a post mentions, with the name to show. */
    public record Mention(UUID personId, String name) {
    }

    /**
     * Someone a post in the space may mention: their name as a mention writes it ({@code @Given Family}), nothing else
     * about them.
     */
    public record Mentionable(UUID personId, String name) {
    }

    /** A thread as a space lists it, with the reader's unread posts. */
    public record ThreadSummary(UUID id, String title, boolean pinned, Instant startedAt, Instant lastPostAt,
            int posts, int unread) {
    }

    /**
     * A space as one reader sees it.
     *
     * @param readOnly nothing may be written (a closed group's space, or a reader from the network)
     * @param unread the reader's unread posts across its threads
     */
    public record SpaceView(UUID id, Space.Kind kind, UUID networkId, UUID groupId, boolean readOnly,
            boolean openedToNetwork, boolean moderates, int unread, List<ThreadSummary> threads) {
    }

    /**
     * A post as one reader sees it.
     *
     * @param authorId null once the author was erased
     * @param authorName the author's name, or "A former member"
     * @param html the sanitised HTML of its text; null when hidden or when the author was erased
     * @param attachments its files; none shown while it is hidden
     * @param unread whether the reader had not seen it before this answer
     */
    public record PostView(UUID id, UUID threadId, boolean opensThread, UUID authorId, String authorName,
            String html, boolean hidden, String hiddenReason, boolean whatWorks, int helpful, boolean helpfulToMe,
            List<Mention> mentions, List<Link> links, List<Attachment> attachments, Instant postedAt,
            boolean unread) {
    }

    /** A thread with its posts, oldest first. */
    public record ThreadView(UUID id, UUID spaceId, String title, boolean pinned, boolean readOnly,
            boolean moderates, List<PostView> posts) {
    }

    /** Whether a post is helpful to the caller, and to how many. */
    public record Helpful(UUID postId, int helpful, boolean helpfulToMe) {
    }

    /** A report of a post, as recorded. */
    public record Report(UUID id, UUID postId, String reason, Instant reportedAt) {
    }

    /** A report nobody has acted on yet, for programme admins. */
    public record OpenReport(UUID id, UUID postId, UUID threadId, UUID spaceId, Space.Kind spaceKind, UUID networkId,
            UUID groupId, String reason, UUID reportedBy, Instant reportedAt) {
    }

    /** One of the caller's spaces, with their unread posts in it. */
    public record MySpace(UUID id, Space.Kind kind, UUID networkId, UUID groupId, String name, boolean readOnly,
            int unread) {
    }

    /** The space of a group, for its members and facilitators (and programme admins). */
    @Transactional
    public SpaceView groupSpace(UUID groupId, Caller caller) {
        Group group = groups.get(groupId);
        return view(readable(discussions.groupSpace(groupId, group.networkId(), clock.instant()), caller), caller);
    }

    /** The space of a network, for everyone who takes part in it (and programme admins). */
    @Transactional
    public SpaceView networkSpace(UUID networkId, Caller caller) {
        networks.get(networkId);
        return view(readable(discussions.networkSpace(networkId, clock.instant()), caller), caller);
    }

    /**
     * The Learning Exchange's space: its members read and write, former members (lapsed) read, programme admins
     * moderate.
     */
    @Transactional
    public SpaceView learningExchangeSpace(Caller caller) {
        return view(readable(discussions.learningExchangeSpace(clock.instant()), caller), caller);
    }

    /**
     * Those a post in the space may mention (its members and facilitators now, the caller aside), by name, for whoever
     * writes in it: the names the directory knows, never an address.
     */
    @Transactional(readOnly = true)
    public List<Mentionable> mentionable(UUID spaceId, Caller caller) {
        Space space = readable(space(spaceId), caller);
        requireWrites(space, caller);
        return directory.people(membersOf(space)).values().stream()
                .filter(person -> !person.erased() && !person.fullName().isBlank())
                .filter(person -> !person.id().equals(caller.subjectId()))
                .map(person -> new Mentionable(person.id(), person.fullName()))
                .sorted(java.util.Comparator.comparing(Mentionable::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Mentionable::personId))
                .toList();
    }

    /**
     * A facilitator of the group (or a programme admin) carries a reply marked what works into the group's outcome
     * draft, as a quotation with its author's name (withheld when they asked not to be named on outcomes). Nothing is
     * published: the facilitators write up and publish the outcome themselves.
     */
    @Transactional
    public OutcomeService.DraftItem carryIntoOutcome(UUID postId, Caller caller) {
        Post post = discussions.post(postId).orElseThrow(() -> unknownPost(postId));
        Space space = spaceOf(post, caller);
        requireModerates(space, caller, "carry what works into the group's outcome");
        if (space.kind() != Space.Kind.GROUP) {
            throw new ConflictException("Only a group's discussion feeds a group's outcome");
        }
        if (post.whatWorksAt() == null || post.hidden()) {
            throw new ConflictException("Mark the reply as what works before carrying it into the outcome");
        }
        if (post.authorErased() || post.markdown() == null) {
            throw new ConflictException("The reply's author was erased; their words are no longer kept");
        }
        return outcomes.addToDraft(space.groupId(), post.id(), post.markdown(), post.authorId(), caller);
    }

    @Transactional(readOnly = true)
    public SpaceView space(UUID spaceId, Caller caller) {
        return view(readable(space(spaceId), caller), caller);
    }

    /** The threads of the space whose title or posts match the words, best match first. */
    @Transactional(readOnly = true)
    public List<ThreadSummary> search(UUID spaceId, String words, Caller caller) {
        Space space = readable(space(spaceId), caller);
        return discussions.search(space.id(), words, caller.subjectId(), SEARCH_LIMIT);
    }

    /** A member starts a thread with its opening post. */
    @Transactional
    public ThreadView startThread(UUID spaceId, String title, String text, List<Link> links, List<UUID> files,
            Caller caller) {
        Space space = readable(space(spaceId), caller);
        requireWrites(space, caller);
        Instant now = clock.instant();
        DiscussionThread thread = new DiscussionThread(UUID.randomUUID(), space.id(), title.strip(), now, now, null);
        discussions.add(thread);
        addPost(space, thread, true, text, links, files, caller, now);
        return threadView(space, thread, caller);
    }

    /** A member replies in a thread. */
    @Transactional
    public PostView reply(UUID threadId, String text, List<Link> links, List<UUID> files, Caller caller) {
        DiscussionThread thread = discussions.lockThread(threadId).orElseThrow(() -> unknownThread(threadId));
        Space space = readable(space(thread.spaceId()), caller, () -> unknownThread(threadId));
        requireWrites(space, caller);
        Post post = addPost(space, thread, false, text, links, files, caller, clock.instant());
        return postViews(List.of(post), caller, null).getFirst();
    }

    /** The thread with its posts; reading it marks it read for the caller up to its latest post. */
    @Transactional
    public ThreadView thread(UUID threadId, Caller caller) {
        DiscussionThread thread = discussions.thread(threadId).orElseThrow(() -> unknownThread(threadId));
        Space space = readable(space(thread.spaceId()), caller, () -> unknownThread(threadId));
        return threadView(space, thread, caller);
    }

    /**
     * A member uploads a file into the space, to attach to a post they write next; the file is checked by its content
     * ({@link AttachmentPolicy}) and kept with its SHA-256. At most twice a post's files wait to be attached; one
     * not attached within a day is deleted.
     */
    @Transactional
    public Attachment upload(UUID spaceId, String fileName, byte[] content, Caller caller) {
        Space space = readable(space(spaceId), caller);
        requireWrites(space, caller);
        AttachmentPolicy.Accepted accepted = AttachmentPolicy.check(fileName, content);
        // files uploaded for posts never written would pile up: a day later they go, and only so many wait at once
        int waiting = attachments.waiting(caller.subjectId(), clock.instant().minus(ABANDONED_AFTER));
        if (waiting >= 2 * rules.attachmentsPerPost()) {
            throw new ConflictException("You have %d files waiting to be attached to a post: post them, or wait a day"
                    .formatted(waiting));
        }
        Attachment file = new Attachment(UUID.randomUUID(), accepted.fileName(), accepted.mediaType(),
                content.length, sha256(content));
        attachments.add(file, space.id(), caller.subjectId(), clock.instant(), content);
        return file;
    }

    /**
     * A file, for those who read its space: a file of a hidden post is not served, and one not attached yet only to
     * the person who uploaded it; to anyone else it is unknown.
     */
    @Transactional(readOnly = true)
    public AttachmentFile download(UUID fileId, Caller caller) {
        Attachments.Stored file = attachments.file(fileId).orElseThrow(() -> unknownFile(fileId));
        readable(space(file.spaceId()), caller, () -> unknownFile(fileId));
        boolean served = file.postId() == null ? file.uploadedBy().equals(caller.subjectId())
                : !discussions.post(file.postId()).orElseThrow().hidden();
        if (!served) {
            throw unknownFile(fileId);
        }
        return new AttachmentFile(file.fileName(), file.mediaType(), file.content());
    }

    /** A facilitator of the group (a programme admin anywhere) pins a thread to the top, or unpins it. */
    @Transactional
    public ThreadSummary pin(UUID threadId, boolean pinned, Caller caller) {
        DiscussionThread thread = discussions.lockThread(threadId).orElseThrow(() -> unknownThread(threadId));
        Space space = readable(space(thread.spaceId()), caller, () -> unknownThread(threadId));
        requireModerates(space, caller, "pin threads");
        requireOpen(space);
        discussions.pin(threadId, pinned ? caller.subjectId() : null, pinned ? clock.instant() : null);
        return discussions.threads(space.id(), caller.subjectId()).stream()
                .filter(summary -> summary.id().equals(threadId)).findFirst().orElseThrow();
    }

    /** A facilitator marks a reply as what works (or takes the mark off), to be carried into the group's outcome. */
    @Transactional
    public PostView whatWorks(UUID postId, boolean works, Caller caller) {
        Post post = discussions.post(postId).orElseThrow(() -> unknownPost(postId));
        Space space = spaceOf(post, caller);
        requireModerates(space, caller, "mark what works");
        requireOpen(space);
        if (post.opensThread()) {
            throw new ConflictException("What works is a reply; this post opens its thread");
        }
        if (post.hidden() && works) {
            throw new ConflictException("A hidden post cannot be marked as what works");
        }
        discussions.markWhatWorks(postId, works ? caller.subjectId() : null, works ? clock.instant() : null);
        return view(postId, caller);
    }

    /** A facilitator hides a post with a reason, on the audit trail; the reports of the post are resolved. */
    @Transactional
    public PostView hide(UUID postId, String reason, Caller caller) {
        Post post = discussions.post(postId).orElseThrow(() -> unknownPost(postId));
        Space space = spaceOf(post, caller);
        requireModerates(space, caller, "hide posts");
        if (post.hidden()) {
            throw new ConflictException("The post is hidden already");
        }
        Instant hiddenAt = clock.instant();
        discussions.hide(postId, caller.subjectId(), hiddenAt, reason.strip());
        discussions.markWhatWorks(postId, null, null);
        events.publish(post.threadId(), new DiscussionPostHidden(postId, post.threadId(), space.id(), hiddenAt));
        audit.record(caller, "discussion-post.hidden", post.authorId() == null
                ? AuditTrail.Subject.of("discussion-post", postId)
                : AuditTrail.Subject.ofPerson("discussion-post", postId, post.authorId()), null,
                Map.of("hidden", false, "threadId", post.threadId()),
                Map.of("hidden", true, "threadId", post.threadId(), "reason", reason.strip()));
        return view(postId, caller);
    }

    /** Someone who reads the space reports a post, once, with a reason; programme admins see the report. */
    @Transactional
    public Report report(UUID postId, String reason, Caller caller) {
        Post post = discussions.post(postId).orElseThrow(() -> unknownPost(postId));
        spaceOf(post, caller);
        if (post.hidden()) {
            throw new ConflictException("The post is hidden already");
        }
        Report report = new Report(UUID.randomUUID(), postId, reason.strip(), clock.instant());
        if (!discussions.addReport(report.id(), postId, caller.subjectId(), report.reason(), report.reportedAt())) {
            throw new ConflictException("You reported this post already");
        }
        return report;
    }

    /** A member finds a post helpful (once: marking it again changes nothing), or takes the mark back. */
    @Transactional
    public Helpful helpful(UUID postId, boolean helpful, Caller caller) {
        Post post = discussions.post(postId).orElseThrow(() -> unknownPost(postId));
        Space space = spaceOf(post, caller);
        requireWrites(space, caller);
        if (helpful) {
            if (post.hidden()) {
                throw new ConflictException("A hidden post cannot be marked helpful");
            }
            discussions.markHelpful(postId, caller.subjectId(), clock.instant());
        } else {
            discussions.unmarkHelpful(postId, caller.subjectId());
        }
        return new Helpful(postId, discussions.helpfulCounts(List.of(postId)).getOrDefault(postId, 0),
                helpful);
    }

    /** The reports nobody has acted on yet, oldest first: programme admins only. */
    @Transactional(readOnly = true)
    public List<OpenReport> openReports(int limit, Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Programme admins see the reports of posts");
        }
        return discussions.openReports(limit);
    }

    /** A facilitator or a programme admin opens a closed group's space to the network, to read. */
    @Transactional
    public SpaceView openToNetwork(UUID groupId, Caller caller) {
        Group group = groups.get(groupId);
        Space space = readable(discussions.groupSpace(groupId, group.networkId(), clock.instant()), caller);
        requireModerates(space, caller, "open the group's discussion to its network");
        if (access.open(space)) {
            throw new ConflictException("A group's discussion is opened to its network once the group has closed");
        }
        if (!space.openedToNetwork()) {
            discussions.openToNetwork(space.id(), caller.subjectId(), clock.instant());
            audit.record(caller, "discussion-space.opened-to-network", AuditTrail.Subject.of("discussion-space",
                    space.id()), null, Map.of("openedToNetwork", false), Map.of("openedToNetwork", true));
        }
        return view(space(space.id()), caller);
    }

    /** The spaces of the groups the caller belongs to or facilitates and of their networks, with unread posts. */
    @Transactional
    public List<MySpace> mine(Caller caller) {
        Instant now = clock.instant();
        List<MySpace> spaces = new ArrayList<>();
        Set<UUID> networkIds = new LinkedHashSet<>();
        for (GroupService.MyGroup mine : groups.mine(caller)) {
            if (!mine.facilitates() && mine.place() != org.exchange.exchange.waitlist.Waitlist.Place.CONFIRMED) {
                continue;
            }
            Group group = mine.group();
            Space space = discussions.groupSpace(group.id(), group.networkId(), now);
            spaces.add(new MySpace(space.id(), space.kind(), space.networkId(), group.id(), group.name(),
                    !access.open(space), discussions.unread(space.id(), caller.subjectId())));
            networkIds.add(group.networkId());
        }
        for (UUID networkId : networkIds) {
            Space space = discussions.networkSpace(networkId, now);
            spaces.add(new MySpace(space.id(), space.kind(), networkId, null, networks.get(networkId).name(), false,
                    discussions.unread(space.id(), caller.subjectId())));
        }
        if (learningExchange.standing(caller.subjectId()) != LearningExchangeMembers.Standing.NONE
                || caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            Space space = discussions.learningExchangeSpace(now);
            spaces.add(new MySpace(space.id(), space.kind(), null, null, LEARNING_EXCHANGE,
                    !access.of(space, caller).writes(), discussions.unread(space.id(), caller.subjectId())));
        }
        return spaces;
    }

    /**
     * Erasure: the person's posts stay, as a former member's, without their text; the titles of threads they
     * started go, and their name is taken out of others' posts that mentioned them; their reactions, read markers,
     * reports and mentions go.
     *
     * @param fullName the name they were known by (to take out of mentions), or empty
     */
    @Transactional
    public void eraseParticipant(UUID personId, String fullName) {
        learningExchange.forget(personId);
        if (!fullName.isBlank()) {
            Pattern name = mentionOf(fullName);
            for (Post post : discussions.postsMentioning(personId)) {
                String markdown = name.matcher(post.markdown()).replaceAll(Matcher.quoteReplacement(FORMER_MEMBER));
                discussions.rewrite(post.id(), markdown, SafeMarkdown.html(markdown));
            }
        }
        discussions.forget(personId);
        attachments.forget(personId);
    }

    private Post addPost(Space space, DiscussionThread thread, boolean opens, String text, List<Link> links,
            List<UUID> files, Caller caller, Instant now) {
        List<Link> checked = checkedLinks(links);
        requireWithinRate(caller.subjectId(), now);
        List<UUID> members = membersOf(space);
        List<UUID> mentioned = mentioned(text, members);
        Post post = new Post(UUID.randomUUID(), thread.id(), opens, caller.subjectId(), false, text,
                SafeMarkdown.html(text), now, null, null, null);
        discussions.add(post);
        discussions.addLinks(post.id(), checked);
        attach(files, post.id(), space, caller);
        discussions.addMentions(post.id(), mentioned);
        discussions.markRead(thread.id(), caller.subjectId(), now);
        List<UUID> toNotify = space.kind() == Space.Kind.GROUP
                ? members.stream().filter(member -> !member.equals(caller.subjectId())).toList() : List.of();
        events.publish(thread.id(), new DiscussionPostAdded(post.id(), thread.id(), thread.title(), opens, space.id(),
                space.kind().name(), space.networkId(), space.groupId(), caller.subjectId(), mentioned, toNotify, now));
        return post;
    }

    /** Links as resources: https addresses only, no more than the rules allow. */
    private List<Link> checkedLinks(List<Link> links) {
        List<Link> given = links == null ? List.of() : links;
        if (given.size() > rules.linksPerPost()) {
            throw new InvalidRequestException("links", "A post carries at most %d links; this one has %d"
                    .formatted(rules.linksPerPost(), given.size()));
        }
        for (int index = 0; index < given.size(); index++) {
            if (!given.get(index).url().toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw new InvalidRequestException("links[%d].url".formatted(index),
                        "A post links to https addresses only");
            }
        }
        return given.stream().map(link -> new Link(link.url().strip(),
                link.title() == null || link.title().isBlank() ? null : link.title().strip())).toList();
    }

    /** The caller's files, uploaded into the space and not attached yet, no more than the rules allow. */
    private void attach(List<UUID> files, UUID postId, Space space, Caller caller) {
        List<UUID> given = files == null ? List.of() : files;
        if (given.size() > rules.attachmentsPerPost()) {
            throw new InvalidRequestException("attachments", "A post carries at most %d files; this one has %d"
                    .formatted(rules.attachmentsPerPost(), given.size()));
        }
        for (int index = 0; index < given.size(); index++) {
            if (!attachments.attach(given.get(index), postId, index, space.id(), caller.subjectId())) {
                throw new InvalidRequestException("attachments[%d]".formatted(index), "Attach a file you uploaded "
                        + "into this space and have not attached to another post");
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** At most the rules' number of posts a minute per person, counted across every instance of the service. */
    private void requireWithinRate(UUID person, Instant now) {
        // one person's posts are counted one request at a time, so two at once cannot both slip under the limit
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", person.getMostSignificantBits() ^ person.getLeastSignificantBits()).query().rowSet();
        if (discussions.postsSince(person, now.minus(RATE_WINDOW)) >= rules.postsPerMinute()) {
            throw new TooManyRequestsException("You can add %d posts a minute; please wait a moment"
                    .formatted(rules.postsPerMinute()), RATE_WINDOW);
        }
    }

    /**
     * Who the space is for now: a group's confirmed members and facilitators, a network's participants, or the
     * Learning Exchange's members.
     */
    private List<UUID> membersOf(Space space) {
        if (space.kind() == Space.Kind.LEARNING_EXCHANGE) {
            return learningExchange.members();
        }
        if (space.kind() == Space.Kind.NETWORK) {
            return discussions.participants(space.networkId());
        }
        Group group = groups.get(space.groupId());
        Set<UUID> members = new LinkedHashSet<>(group.facilitatorIds());
        members.addAll(groups.confirmedMembers(group));
        return List.copyOf(members);
    }

    /** The members the text mentions as {@code @Given Family}, by the names the directory knows. */
    private List<UUID> mentioned(String text, Collection<UUID> members) {
        if (!text.contains("@")) {
            return List.of();
        }
        List<UUID> mentioned = directory.people(members).values().stream()
                .filter(person -> !person.erased() && !person.fullName().isBlank())
                .filter(person -> mentionOf(person.fullName()).matcher(text).find())
                .map(Person::id).sorted().toList();
        if (mentioned.size() > rules.mentionsPerPost()) {
            throw new InvalidRequestException("text", "A post mentions at most %d people; this one mentions %d"
                    .formatted(rules.mentionsPerPost(), mentioned.size()));
        }
        return mentioned;
    }

    private static Pattern mentionOf(String fullName) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])@" + Pattern.quote(fullName) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private ThreadView threadView(Space space, DiscussionThread thread, Caller caller) {
        Standing standing = access.of(space, caller);
        List<Post> posts = discussions.posts(thread.id());
        Instant readBefore = discussions.readUpTo(thread.id(), caller.subjectId()).orElse(Instant.MIN);
        List<PostView> views = postViews(posts, caller, readBefore);
        if (!posts.isEmpty()) {
            discussions.markRead(thread.id(), caller.subjectId(), posts.getLast().postedAt());
        }
        return new ThreadView(thread.id(), space.id(), thread.title(), thread.pinned(),
                !standing.writes() || !access.open(space), standing.moderates(), views);
    }

    private PostView view(UUID postId, Caller caller) {
        return postViews(List.of(discussions.post(postId).orElseThrow()), caller, null).getFirst();
    }

    /** The posts as the caller sees them; {@code readBefore} null: none counts as unread. */
    private List<PostView> postViews(List<Post> posts, Caller caller, Instant readBefore) {
        List<UUID> ids = posts.stream().map(Post::id).toList();
        Map<UUID, List<Link>> links = discussions.links(ids);
        Map<UUID, List<Attachment>> files = attachments.of(ids);
        Map<UUID, List<UUID>> mentions = discussions.mentions(ids);
        Map<UUID, Integer> helpful = discussions.helpfulCounts(ids);
        Set<UUID> helpfulToMe = discussions.helpfulTo(caller.subjectId(), ids);
        Set<UUID> people = new LinkedHashSet<>();
        posts.stream().map(Post::authorId).filter(java.util.Objects::nonNull).forEach(people::add);
        mentions.values().forEach(people::addAll);
        Map<UUID, String> names = directory.displayNames(people);
        return posts.stream().map(post -> new PostView(post.id(), post.threadId(), post.opensThread(),
                post.authorId(), post.authorErased() ? FORMER_MEMBER : names.get(post.authorId()),
                post.hidden() ? null : post.html(), post.hidden(), post.hiddenReason(), post.whatWorksAt() != null,
                helpful.getOrDefault(post.id(), 0), helpfulToMe.contains(post.id()),
                mentions.getOrDefault(post.id(), List.of()).stream()
                        .map(person -> new Mention(person, names.get(person))).toList(),
                links.getOrDefault(post.id(), List.of()),
                post.hidden() ? List.of() : files.getOrDefault(post.id(), List.of()), post.postedAt(),
                readBefore != null && !post.hidden() && !caller.subjectId().equals(post.authorId())
                        && post.postedAt().isAfter(readBefore)))
                .toList();
    }

    private SpaceView view(Space space, Caller caller) {
        Standing standing = access.of(space, caller);
        return new SpaceView(space.id(), space.kind(), space.networkId(), space.groupId(),
                !standing.writes() || !access.open(space), space.openedToNetwork(), standing.moderates(),
                discussions.unread(space.id(), caller.subjectId()),
                discussions.threads(space.id(), caller.subjectId()));
    }

    private Space space(UUID spaceId) {
        return discussions.space(spaceId).orElseThrow(() -> unknownSpace(spaceId));
    }

    private Space spaceOf(Post post, Caller caller) {
        DiscussionThread thread = discussions.thread(post.threadId()).orElseThrow();
        return readable(space(thread.spaceId()), caller, () -> unknownPost(post.id()));
    }

    private Space readable(Space space, Caller caller) {
        return readable(space, caller, () -> unknownSpace(space.id()));
    }

    /** The space, when the caller may read it; otherwise the thing asked for is unknown to them. */
    private Space readable(Space space, Caller caller, java.util.function.Supplier<NotFoundException> unknown) {
        if (!access.of(space, caller).reads()) {
            throw unknown.get();
        }
        return space;
    }

    private void requireWrites(Space space, Caller caller) {
        requireOpen(space);
        if (!access.of(space, caller).writes()) {
            throw new ForbiddenException(space.kind() == Space.Kind.LEARNING_EXCHANGE
                    ? "Only the Learning Exchange's members write in its discussion; renew your membership to join in"
                    : "Only the space's members write in it; you may read it");
        }
    }

    private void requireOpen(Space space) {
        if (!access.open(space)) {
            throw new ConflictException("The group has closed: its discussion stays to read, and nothing more is "
                    + "written in it");
        }
    }

    private void requireModerates(Space space, Caller caller, String what) {
        if (!access.of(space, caller).moderates()) {
            throw new ForbiddenException((space.kind() == Space.Kind.GROUP ? "Only the group's facilitators or a "
                    + "programme admin " : "Only a programme admin may ") + what);
        }
    }

    private static NotFoundException unknownSpace(UUID id) {
        return new NotFoundException("No discussion space " + id);
    }

    private static NotFoundException unknownThread(UUID id) {
        return new NotFoundException("No discussion thread " + id);
    }

    private static NotFoundException unknownFile(UUID id) {
        return new NotFoundException("No discussion file " + id);
    }

    private static NotFoundException unknownPost(UUID id) {
        return new NotFoundException("No discussion post " + id);
    }
}

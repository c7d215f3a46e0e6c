package org.exchange.exchange.enquiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exchange.contracts.exchange.EnquiryAnswered;
import org.exchange.exchange.directory.Directory;
import org.exchange.exchange.network.Network;
import org.exchange.exchange.network.NetworkService;
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
 * Enquiries: a signed-in person writes to a network or to the Learning Exchange and reads their enquiries with the
 * replies; programme admins answer them from one shared inbox (the platform has no per-network admin: every
 * programme admin sees every network's enquiries, and filters by network). Each reply is published as
 * {@link EnquiryAnswered}, in the transaction that stores it, for notification-service to mail to the person once.
 * An enquiry the caller may not read is answered as unknown (404), so its existence is not given away.
 */
@Service
public class EnquiryService {

    /** Who an enquiry without a network is written to. */
    static final String LEARNING_EXCHANGE = "the Learning Exchange";
    private static final Duration HOUR = Duration.ofHours(1);

    private final Enquiries enquiries;
    private final NetworkService networks;
    private final Directory directory;
    private final IntegrationEvents events;
    private final AuditTrail audit;
    private final EnquiryRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    EnquiryService(Enquiries enquiries, NetworkService networks, Directory directory, IntegrationEvents events,
            AuditTrail audit, EnquiryRules rules, JdbcClient jdbc, Clock clock) {
        this.enquiries = enquiries;
        this.networks = networks;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A reply as people read it, with its author's name. */
    public record ReplyView(UUID id, String text, String authorName, Instant sentAt) {
    }

    /**
     * An enquiry as its sender or a programme admin reads it: names, not ids, beside the ids.
     *
     * @param networkId the network written to, or null for the Learning Exchange
     * @param to the network's name, or "the Learning Exchange"
     * @param fromName the sender's name
     */
    public record EnquiryView(UUID id, UUID networkId, String to, String fromName, String subject, String message,
            Enquiry.Status status, Instant sentAt, Instant answeredAt, Instant closedAt, List<ReplyView> replies) {
    }

    /** The inbox: the enquiries asked for, and how many of each status there are in all. */
    public record Inbox(Map<Enquiry.Status, Integer> counts, List<EnquiryView> enquiries) {
    }

    /** A signed-in person sends an enquiry to a network, or to the Learning Exchange when no network is given. */
    @Transactional
    public EnquiryView send(UUID networkId, String subject, String message, Caller caller) {
        Network network = networkId == null ? null : knownNetwork(networkId);
        Instant now = clock.instant();
        requireWithinRate(caller.subjectId(), now);
        Enquiry enquiry = new Enquiry(UUID.randomUUID(), caller.subjectId(), network == null ? null : network.id(),
                subject.strip(), message.strip(), Enquiry.Status.NEW, now, null, null);
        enquiries.add(enquiry);
        return views(List.of(enquiry)).getFirst();
    }

    /** The caller's own enquiries with their replies, newest first. */
    @Transactional(readOnly = true)
    public List<EnquiryView> mine(Caller caller) {
        return views(enquiries.ofPerson(caller.subjectId()));
    }

    /** One enquiry, for its sender or a programme admin. */
    @Transactional(readOnly = true)
    public EnquiryView get(UUID id, Caller caller) {
        return views(List.of(readable(id, caller))).getFirst();
    }

    /** The shared inbox of programme admins, filtered by status and by network (or the Learning Exchange). */
    @Transactional(readOnly = true)
    public Inbox inbox(Enquiry.Status status, UUID networkId, boolean learningExchange, Caller caller) {
        requireProgrammeAdmin(caller, "see the enquiries' inbox");
        if (networkId != null && learningExchange) {
            throw new InvalidRequestException("learningExchange",
                    "Choose a network or the Learning Exchange, not both");
        }
        return new Inbox(enquiries.counts(),
                views(enquiries.inbox(status, networkId, learningExchange, rules.inboxLimit())));
    }

    /** A programme admin replies: the reply is stored, the enquiry is answered, and the person is mailed it. */
    @Transactional
    public EnquiryView reply(UUID id, String text, Caller caller) {
        requireProgrammeAdmin(caller, "answer enquiries");
        Enquiry enquiry = enquiries.lock(id).orElseThrow(() -> unknown(id));
        if (enquiry.closed()) {
            throw new ConflictException("The enquiry is closed; nothing more is written to it");
        }
        Instant now = clock.instant();
        Enquiry.Reply reply = new Enquiry.Reply(UUID.randomUUID(), id, caller.subjectId(), text.strip(), now);
        enquiries.addReply(reply);
        Network network = enquiry.networkId() == null ? null : networks.get(enquiry.networkId());
        audit.record(caller, "enquiry.answered", AuditTrail.Subject.ofPerson("enquiry", id, enquiry.practitionerId()),
                null, Map.of("status", enquiry.status().name()),
                Map.of("status", Enquiry.Status.ANSWERED.name(), "replyId", reply.id()));
        events.publish(id, new EnquiryAnswered(id, reply.id(), enquiry.practitionerId(),
                network == null ? null : network.id(), network == null ? null : network.name(), enquiry.subject(),
                reply.text(), now));
        return get(id, caller);
    }

    /** A programme admin closes an enquiry: it stays readable, and nothing more is written to it. */
    @Transactional
    public EnquiryView close(UUID id, Caller caller) {
        requireProgrammeAdmin(caller, "close enquiries");
        Enquiry enquiry = enquiries.lock(id).orElseThrow(() -> unknown(id));
        if (enquiry.closed()) {
            throw new ConflictException("The enquiry is closed already");
        }
        enquiries.close(id, caller.subjectId(), clock.instant());
        audit.record(caller, "enquiry.closed", AuditTrail.Subject.ofPerson("enquiry", id, enquiry.practitionerId()),
                null, Map.of("status", enquiry.status().name()), Map.of("status", Enquiry.Status.CLOSED.name()));
        return get(id, caller);
    }

    /** A person asked to be forgotten: their enquiries go, with the replies to them. */
    @Transactional
    public void erase(UUID personId) {
        enquiries.deleteOfPerson(personId);
    }

    /** At most the rules' number of enquiries an hour per person, counted across every instance of the service. */
    private void requireWithinRate(UUID person, Instant now) {
        // one person's enquiries are counted one request at a time, so two at once cannot both slip under the limit
        jdbc.sql("select pg_advisory_xact_lock(:key)")
                .param("key", person.getMostSignificantBits() ^ person.getLeastSignificantBits() ^ 0x656e7175L)
                .query().rowSet();
        if (enquiries.sentSince(person, now.minus(HOUR)) >= rules.perPersonPerHour()) {
            throw new TooManyRequestsException("You can send %d enquiries an hour; please wait for an answer or try "
                    .formatted(rules.perPersonPerHour()) + "again later", HOUR);
        }
    }

    private Enquiry readable(UUID id, Caller caller) {
        return enquiries.find(id)
                .filter(enquiry -> enquiry.practitionerId().equals(caller.subjectId())
                        || caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN))
                .orElseThrow(() -> unknown(id));
    }

    private List<EnquiryView> views(List<Enquiry> found) {
        Map<UUID, List<Enquiry.Reply>> replies = enquiries.replies(found.stream().map(Enquiry::id).toList());
        Set<UUID> people = new LinkedHashSet<>();
        found.forEach(enquiry -> people.add(enquiry.practitionerId()));
        replies.values().forEach(list -> list.forEach(reply -> people.add(reply.authorId())));
        Map<UUID, String> names = directory.displayNames(people);
        Map<UUID, String> networkNames = networkNames(found.stream().map(Enquiry::networkId)
                .filter(java.util.Objects::nonNull).toList());
        return found.stream().map(enquiry -> new EnquiryView(enquiry.id(), enquiry.networkId(),
                enquiry.networkId() == null ? LEARNING_EXCHANGE : networkNames.get(enquiry.networkId()),
                names.get(enquiry.practitionerId()), enquiry.subject(), enquiry.message(), enquiry.status(),
                enquiry.sentAt(), enquiry.answeredAt(), enquiry.closedAt(),
                replies.getOrDefault(enquiry.id(), List.of()).stream().map(reply -> new ReplyView(reply.id(),
                        reply.text(), names.get(reply.authorId()), reply.sentAt())).toList()))
                .toList();
    }

    private Network knownNetwork(UUID networkId) {
        try {
            return networks.get(networkId);
        } catch (NotFoundException unknown) {
            throw new InvalidRequestException("networkId", "No network " + networkId);
        }
    }

    private Map<UUID, String> networkNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            names.put(id, networks.get(id).name());
        }
        return names;
    }

    private static void requireProgrammeAdmin(Caller caller, String what) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Only programme admins " + what);
        }
    }

    private static NotFoundException unknown(UUID id) {
        return new NotFoundException("No enquiry " + id);
    }
}

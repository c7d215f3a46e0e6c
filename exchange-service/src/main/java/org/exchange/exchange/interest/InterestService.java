package org.exchange.exchange.interest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.exchange.contracts.exchange.InterestConfirmationRequested;
import org.exchange.contracts.exchange.InterestMatched;
import org.exchange.exchange.group.Group;
import org.exchange.exchange.group.GroupService;
import org.exchange.exchange.network.Network;
import org.exchange.exchange.network.NetworkService;
import org.exchange.platform.events.IntegrationEvents;
import org.exchange.platform.problem.ForbiddenException;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.problem.TooManyRequestsException;
import org.exchange.platform.security.Caller;
import org.exchange.platform.security.SecretTokens;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interest in a subject: practitioners (signed in, or anyone by e-mail with consent and a confirmed address) say which
 * area and region they want a group in; programme admins see the demand, counted; when a group in an area opens in a
 * network of a region, each confirmed interest there is told once ({@link InterestMatched}, published with the mark
 * that it was told, in the transaction that opens the group).
 */
@Service
public class InterestService {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** The advisory lock that queues registrations by e-mail, so that the limits count each one. */
    private static final long BY_EMAIL_LOCK = 0x696e746572657374L;

    private final Interests interests;
    private final NetworkService networks;
    private final IntegrationEvents events;
    private final InterestRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    InterestService(Interests interests, NetworkService networks, IntegrationEvents events, InterestRules rules,
            JdbcClient jdbc, Clock clock) {
        this.interests = interests;
        this.networks = networks;
        this.events = events;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Demand in one area and region, counted.
     *
     * @param interested confirmed interests (signed-in people and confirmed addresses alike)
     * @param waiting those of them not yet told of a group
     * @param groupsOpen groups in the area forming or active in the region's networks now
     */
    public record Demand(String area, String region, int interested, int waiting, int groupsOpen) {
    }

    /** A signed-in practitioner registers interest; registering it again keeps one, and re-arms it once told. */
    @Transactional
    public Interest register(String area, String region, Caller caller) {
        return interests.saveOfPerson(caller.subjectId(), Interest.normalise(area), knownRegion(region),
                clock.instant());
    }

    @Transactional(readOnly = true)
    public List<Interest> mine(Caller caller) {
        return interests.ofPerson(caller.subjectId());
    }

    /** A signed-in practitioner withdraws an interest of theirs. */
    @Transactional
    public void withdraw(String area, String region, Caller caller) {
        if (interests.withdrawOfPerson(caller.subjectId(), Interest.normalise(area), Interest.normalise(region)) == 0) {
            throw new NotFoundException("You have registered no interest in %s in %s".formatted(area.strip(),
                    region.strip()));
        }
    }

    /**
     * Someone gives an address and consent: the interest waits, unconfirmed, and a confirmation with a one-time link is
     * sent. The answer is the same whether the address is known or not. An interest confirmed and not yet told, or
     * sent a confirmation moments ago, sends nothing more; more confirmations than the limits allow are refused (429).
     */
    @Transactional
    public void registerByEmail(String email, String area, String region) {
        Instant now = clock.instant();
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", BY_EMAIL_LOCK).query().rowSet();
        interests.deleteExpired(now);
        String address = email.strip();
        String normalisedArea = Interest.normalise(area);
        String knownRegion = knownRegion(region);
        if (interests.requestsSince(now.minus(MINUTE)) >= rules.requestsPerMinute()) {
            throw new TooManyRequestsException("Too many registrations by e-mail just now; please try again in a minute",
                    MINUTE);
        }
        Optional<Interests.ByEmail> known = interests.findByEmail(address, normalisedArea, knownRegion);
        if (known.isPresent() && (known.get().confirmedAt() != null && known.get().notifiedAt() == null
                || known.get().requestedAt() != null && known.get().requestedAt().isAfter(now.minus(rules.resendAfter())))) {
            return;
        }
        if (interests.requestsOfAddressSince(address, now.minus(HOUR)) >= rules.requestsPerAddressPerHour()) {
            throw new TooManyRequestsException("This address was sent %d confirmations in the last hour; please "
                    .formatted(rules.requestsPerAddressPerHour()) + "use the links in them or try again later", HOUR);
        }
        String token = SecretTokens.issue();
        Instant expires = now.plus(rules.confirmationValidity());
        UUID id = interests.savePending(address, normalisedArea, knownRegion, SecretTokens.hash(token), now, expires);
        events.publish(id, new InterestConfirmationRequested(id, address, token, normalisedArea, knownRegion, expires,
                now));
    }

    /** The link in the confirmation mail: the interest becomes demand and waits for a group. */
    @Transactional
    public Interest confirm(String token) {
        return interests.confirm(SecretTokens.hash(token), clock.instant()).orElseThrow(() -> new NotFoundException(
                "This confirmation link is not known or has expired; please register your interest again"));
    }

    /** The withdrawal link of a confirmation or a notice: the interest and its address are deleted. */
    @Transactional
    public Interest withdrawByToken(String token) {
        return interests.withdrawByToken(SecretTokens.hash(token)).orElseThrow(() -> new NotFoundException(
                "This link is not known; the interest may have been withdrawn already"));
    }

    /** Demand by area and region, for programme admins planning groups: counts only, never who. */
    @Transactional
    public List<Demand> demand(Caller caller) {
        if (!caller.hasRole(Caller.ROLE_PROGRAMME_ADMIN)) {
            throw new ForbiddenException("Programme admins see the demand for groups");
        }
        interests.deleteExpired(clock.instant());
        return interests.demand();
    }

    /** The regions interest can be registered in: those of the networks, each spelt as its first network spells it. */
    @Transactional(readOnly = true)
    public List<String> regions() {
        java.util.Map<String, String> spellings = new java.util.TreeMap<>();
        networks.all(null).forEach(network -> spellings.putIfAbsent(
                Interest.normalise(network.region()).toLowerCase(Locale.UK), Interest.normalise(network.region())));
        return List.copyOf(spellings.values());
    }

    /**
     * A group opened for members (in the transaction that opens it): every confirmed interest in its area and its
     * network's region not yet told is marked told and gets one {@link InterestMatched}; an address gets a fresh
     * withdrawal token with it.
     */
    @EventListener
    void groupOpened(GroupService.GroupOpened opened) {
        Group group = opened.group();
        Network network = networks.get(group.networkId());
        Instant now = clock.instant();
        for (Interest interest : interests.markTold(Interest.normalise(group.area()),
                Interest.normalise(network.region()), group.id(), now)) {
            String withdrawal = null;
            if (interest.email() != null) {
                withdrawal = SecretTokens.issue();
                interests.noticeToken(interest.id(), SecretTokens.hash(withdrawal));
            }
            events.publish(interest.id(), new InterestMatched(interest.id(), interest.practitionerId(),
                    interest.email(), withdrawal, interest.area(), interest.region(), group.id(), group.name(),
                    network.id(), network.name(), group.plannedStart(), now));
        }
    }

    /** A person asked to be forgotten: their interests go. */
    @Transactional
    public void erase(UUID personId) {
        interests.deleteOfPerson(personId);
    }

    private String knownRegion(String region) {
        String wanted = Interest.normalise(region);
        return networks.all(wanted).stream().findFirst().map(network -> Interest.normalise(network.region()))
                .orElseThrow(() -> new InvalidRequestException("region",
                        "'%s' is not the region of any network".formatted(wanted)));
    }
}

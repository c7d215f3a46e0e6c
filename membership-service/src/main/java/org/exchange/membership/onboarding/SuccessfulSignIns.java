package org.exchange.membership.onboarding;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.keycloak.representations.idm.EventRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has signed in through an onboarded partner's provider, and when (ADR 0022): Keycloak records every successful
 * sign-in as a {@code LOGIN} event whose details name the brokering provider ({@code identity_provider}), whichever
 * page the person goes to next; this reads those events through the admin API from where it stopped (a cursor kept in
 * the database, so that one instance reads them and a restart loses nothing Keycloak still keeps) and records the
 * first and last sign-in per partner. A Keycloak that cannot be asked is tried at the next run.
 */
@Component
class SuccessfulSignIns {

    private static final Logger log = LoggerFactory.getLogger(SuccessfulSignIns.class);
    /** Keycloak's detail naming the identity provider a person signed in through. */
    static final String IDENTITY_PROVIDER = "identity_provider";
    private static final int PAGE = 200;
    private static final int MOST_PAGES = 50;

    private final PartnerSignIns signIns;
    private final KeycloakProviders keycloak;
    private final TransactionTemplate transaction;
    private final KeycloakReader reader = new KeycloakReader("keycloak-sign-in-events");

    SuccessfulSignIns(PartnerSignIns signIns, KeycloakProviders keycloak, TransactionTemplate transaction) {
        this.signIns = signIns;
        this.keycloak = keycloak;
        this.transaction = transaction;
    }

    /** On a thread of its own, never the scheduler's. */
    @Scheduled(fixedDelayString = "${exchange.identity.partner-sign-in.sign-in-events-interval:PT30S}",
            initialDelayString = "${exchange.identity.partner-sign-in.sign-in-events-interval:PT30S}")
    void readOnSchedule() {
        reader.runScheduled(this::read);
    }

    @PreDestroy
    void stop() {
        reader.stop();
    }

    /**
     * Reads Keycloak's sign-in events since the last read and records them; nothing when another instance is at it.
     *
     * @return whether Keycloak could be asked
     */
    boolean read() {
        try {
            transaction.executeWithoutResult(status -> {
                Optional<Long> cursor = signIns.lockEventCursor();
                if (cursor.isEmpty()) {
                    return;
                }
                Set<String> aliases = signIns.all().stream().map(PartnerSignIn::alias).collect(Collectors.toSet());
                long from = cursor.get();
                for (int page = 0; page < MOST_PAGES; page++) {
                    List<EventRepresentation> events = keycloak.signInsSince(from, PAGE);
                    record(events, aliases, from);
                    long last = events.stream().mapToLong(EventRepresentation::getTime).max().orElse(from);
                    signIns.eventsReadUpTo(last);
                    if (events.size() < PAGE || last == from) {
                        break;
                    }
                    from = last;
                }
            });
            return true;
        } catch (KeycloakProviders.Unavailable e) {
            log.warn("Keycloak's sign-in events could not be read ({}); trying again at the next run", e.getMessage());
            return false;
        }
    }

    private void record(List<EventRepresentation> events, Set<String> aliases, long from) {
        Map<String, Long> latest = new HashMap<>();
        Map<String, Long> earliest = new HashMap<>();
        for (EventRepresentation event : events) {
            String alias = event.getDetails() == null ? null : event.getDetails().get(IDENTITY_PROVIDER);
            if (alias != null && aliases.contains(alias) && event.getTime() >= from) {
                latest.merge(alias, event.getTime(), Math::max);
                earliest.merge(alias, event.getTime(), Math::min);
            }
        }
        latest.forEach((alias, at) -> {
            signIns.signedIn(alias, Instant.ofEpochMilli(earliest.get(alias)));
            signIns.signedIn(alias, Instant.ofEpochMilli(at));
            log.info("Partner sign-in {}: someone signed in through it at {}", alias, Instant.ofEpochMilli(at));
        });
    }
}

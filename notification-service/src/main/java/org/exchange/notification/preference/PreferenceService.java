package org.exchange.notification.preference;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.exchange.platform.audit.AuditTrail;
import org.exchange.platform.audit.AuditTrail.Subject;
import org.exchange.platform.problem.InvalidRequestException;
import org.exchange.platform.problem.NotFoundException;
import org.exchange.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's choices of what reaches them by e-mail: set in the portal or by an unsubscribe link. */
@Service
class PreferenceService {

    private final Preferences preferences;
    private final Suppressions suppressions;
    private final UnsubscribeLinks links;
    private final AuditTrail audit;
    private final Clock clock;

    PreferenceService(Preferences preferences, Suppressions suppressions, UnsubscribeLinks links, AuditTrail audit,
            Clock clock) {
        this.suppressions = suppressions;
        this.audit = audit;
        this.preferences = preferences;
        this.links = links;
        this.clock = clock;
    }

    /**
     * A person's choices: e-mail per category, and how often the discussion digest comes.
     *
     * @param discussionDigest OFF exactly when the DIGEST category's e-mail is off
     */
    record Settings(Map<Category, Boolean> email, DigestFrequency discussionDigest) {

        /** As the audit trail keeps it: each category's e-mail choice, and the digest's frequency beside them. */
        Map<String, Object> audited() {
            Map<String, Object> audited = new java.util.LinkedHashMap<>();
            email.forEach((category, wanted) -> audited.put(category.name(), wanted));
            audited.put("discussionDigest", discussionDigest.name());
            return audited;
        }
    }

    @Transactional(readOnly = true)
    Settings of(UUID person) {
        return new Settings(preferences.of(person), preferences.digest(person));
    }

    /**
     * Applies the person's choices, all or none: a transactional category cannot be switched off.
     *
     * @param digest how often the discussion digest should come, or null to keep it as it is
     */
    @Transactional
    Settings change(Caller caller, Map<Category, Boolean> email, DigestFrequency digest) {
        UUID person = caller.subjectId();
        Settings before = of(person);
        if (digest != null && email.containsKey(Category.DIGEST)) {
            throw new InvalidRequestException("The digest is named twice: choose its frequency (discussionDigest) "
                    + "or switch its e-mail, not both");
        }
        email.forEach((category, wanted) -> {
            if (category.transactional() && !wanted) {
                throw new InvalidRequestException("E-mails in " + category + " (" + category.label()
                        + ") concern your account and are always sent; they cannot be switched off");
            }
        });
        email.forEach((category, wanted) -> {
            if (!category.transactional()) {
                preferences.set(person, category, wanted, clock.instant());
            }
            // saving the newsletter on is opting in again: an address that bounced is tried again
            if (category == Category.NEWSLETTER && wanted) {
                suppressions.lift(person);
            }
        });
        if (digest != null) {
            preferences.setDigest(person, digest, clock.instant());
        }
        Settings after = of(person);
        audit.record(caller, "preferences.changed", subject(person), null, before.audited(), after.audited());
        return after;
    }

    /** What an unsubscribe link would switch off, without switching it off. */
    @Transactional(readOnly = true)
    Category categoryOf(String token) {
        return subscription(token).category();
    }

    /** Switches off the e-mail an unsubscribe link names; clicking twice is harmless. */
    @Transactional
    Category unsubscribe(String token) {
        UnsubscribeLinks.Subscription subscription = subscription(token);
        UUID person = subscription.recipient();
        Settings before = of(person);
        preferences.set(person, subscription.category(), false, clock.instant());
        // no one signed in: the link stands for its recipient
        audit.record(null, "preferences.unsubscribed-by-link", subject(person), null, before.audited(),
                of(person).audited());
        return subscription.category();
    }

    private static Subject subject(UUID person) {
        return Subject.ofPerson("preferences", person, person);
    }

    private UnsubscribeLinks.Subscription subscription(String token) {
        return links.find(token).orElseThrow(() -> new NotFoundException(
                "This unsubscribe link is not known; it may have been withdrawn. Sign in to the portal to change "
                        + "what reaches you by e-mail."));
    }
}

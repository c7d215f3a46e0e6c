package org.exchange.notification.feed;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;

import org.exchange.notification.mail.MailQueue;
import org.exchange.notification.preference.Category;
import org.exchange.notification.preference.Preferences;
import org.exchange.notification.recipient.Recipient;
import org.exchange.notification.recipient.Recipients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a person something: an entry in their feed always, and an e-mail queued for sending when their address is
 * known and they want the category by e-mail (transactional categories always). Written in the transaction that
 * handles the causing event, so a redelivered event can add neither twice. An erased person is told nothing.
 */
@Service
public class Notifier {

    private final Notifications notifications;
    private final MailQueue mail;
    private final Recipients recipients;
    private final Preferences preferences;
    private final Clock clock;

    Notifier(Notifications notifications, MailQueue mail, Recipients recipients, Preferences preferences,
            Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.recipients = recipients;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * Notifies one person.
     *
     * @param body the text for this person, written from what is known of them (perhaps only their id)
     * @return whether a feed entry was added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notify(UUID recipientId, Category category, String title, Function<Recipient, String> body,
            UUID sourceEventId) {
        return notify(recipientId, category, title, body, sourceEventId, recipient -> true);
    }

    /**
     * Notifies one person, e-mailing them only when {@code mayMail} also allows it (a notice that honours the
     * suppression of addresses that bounced hard); the feed entry is added either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean notify(UUID recipientId, Category category, String title, Function<Recipient, String> body,
            UUID sourceEventId, java.util.function.Predicate<Recipient> mayMail) {
        Recipient recipient = recipients.find(recipientId).orElseGet(() -> Recipient.unknown(recipientId));
        if (recipient.erased()) {
            return false;
        }
        String text = body.apply(recipient);
        Notification notification = new Notification(UUID.randomUUID(), recipientId, category, title, text,
                sourceEventId, clock.instant(), null);
        if (!notifications.add(notification)) {
            return false;
        }
        if (recipient.hasEmail() && preferences.emailWanted(recipientId, category) && mayMail.test(recipient)) {
            // a non-transactional mail gets its one-click unsubscribe link when it is sent (MailDispatcher)
            mail.enqueue(notification.id(), recipientId, recipient.email(), title, text,
                    category.transactional() ? null : category);
        }
        return true;
    }
}

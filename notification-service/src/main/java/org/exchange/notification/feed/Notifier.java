package org.exchange.notification.feed;

import java.time.Clock;
import java.util.UUID;

import org.exchange.notification.mail.MailQueue;
import org.exchange.notification.recipient.Recipient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a person something: an entry in their feed and an e-mail queued for sending, written in the transaction
 * that handles the causing event, so a redelivered event can add neither twice.
 */
@Service
public class Notifier {

    private final Notifications notifications;
    private final MailQueue mail;
    private final Clock clock;

    Notifier(Notifications notifications, MailQueue mail, Clock clock) {
        this.notifications = notifications;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Notification notify(Recipient recipient, Category category, String title, String body, UUID sourceEventId) {
        Notification notification = new Notification(UUID.randomUUID(), recipient.id(), category, title, body,
                sourceEventId, clock.instant(), null);
        notifications.add(notification);
        if (recipient.email() != null && !recipient.email().isBlank()) {
            mail.enqueue(notification.id(), recipient.email(), title, body);
        }
        return notification;
    }
}

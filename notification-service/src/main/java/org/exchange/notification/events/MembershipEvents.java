package org.exchange.notification.events;

import static org.exchange.platform.inbox.EventHandler.on;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.exchange.contracts.Topics;
import org.exchange.contracts.membership.PractitionerRegistered;
import org.exchange.notification.feed.Category;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.recipient.Recipient;
import org.exchange.notification.recipient.Recipients;
import org.exchange.platform.inbox.EventMetadata;
import org.exchange.platform.inbox.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Membership's events: who can be notified, and the welcome a new practitioner gets. */
@Component
class MembershipEvents {

    private final Inbox inbox;
    private final Recipients recipients;
    private final Notifier notifier;

    MembershipEvents(Inbox inbox, Recipients recipients, Notifier notifier) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.notifier = notifier;
    }

    @KafkaListener(topics = Topics.MEMBERSHIP)
    void receive(ConsumerRecord<String, byte[]> record) {
        inbox.accept(record, on(PractitionerRegistered.class, this::welcome));
    }

    private void welcome(PractitionerRegistered registered, EventMetadata event) {
        Recipient recipient = new Recipient(registered.practitionerId(), registered.email(), registered.givenName(),
                registered.familyName());
        recipients.save(recipient);
        notifier.notify(recipient, Category.WELCOME, "Welcome to the Exchange",
                """
                Hello %s,

                Welcome to the Exchange, the home of practitioner-led professional learning.

                From your dashboard you can take your baseline self-assessment against the Professional Standards,
                find the Professional Exchange nearest to you, join a subject or thematic group, and follow your
                progress towards the ILM awards in Practitioner-Led Learning Exchange.

                We look forward to learning with you.

                The Exchange team
                """.formatted(recipient.greetingName()),
                event.id());
    }
}

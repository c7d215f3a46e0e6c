package org.exchange.notification.erasure;

import java.time.Instant;
import java.util.UUID;

import org.exchange.notification.digest.DiscussionActivity;
import org.exchange.notification.feed.Notifications;
import org.exchange.notification.mail.MailQueue;
import org.exchange.notification.preference.Preferences;
import org.exchange.notification.programme.ProgrammeNews;
import org.exchange.notification.recipient.Recipients;
import org.exchange.platform.erasure.PlatformErasure;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Honours a person's request to erase their personal data: their address and names, what their feed and mails said,
 * their choices and unsubscribe links, the discussion spaces they belonged to and their digests, and what the audit
 * trail recorded of their choices. The feed entries and mail rows stay, empty, so that counts stay true; a mail not
 * yet sent is never sent; and later events about them notify nobody.
 */
@Service
public class Erasure {

    private final Recipients recipients;
    private final Notifications notifications;
    private final MailQueue mail;
    private final Preferences preferences;
    private final ProgrammeNews programme;
    private final PlatformErasure platformErasure;
    private final DiscussionActivity discussions;

    Erasure(Recipients recipients, Notifications notifications, MailQueue mail, Preferences preferences,
            ProgrammeNews programme, PlatformErasure platformErasure, DiscussionActivity discussions) {
        this.discussions = discussions;
        this.platformErasure = platformErasure;
        this.recipients = recipients;
        this.notifications = notifications;
        this.mail = mail;
        this.preferences = preferences;
        this.programme = programme;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void erase(UUID person, Instant at) {
        recipients.erase(person, at);
        mail.eraseFor(person);
        notifications.eraseContentsOf(person);
        preferences.erase(person);
        programme.erase(person);
        discussions.erase(person);
        platformErasure.forget(person);
    }
}

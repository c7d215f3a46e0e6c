package org.exchange.notification.interest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.exchange.contracts.exchange.InterestConfirmationRequested;
import org.exchange.contracts.exchange.InterestMatched;
import org.exchange.notification.feed.Notifier;
import org.exchange.notification.mail.MailQueue;
import org.exchange.notification.preference.Category;
import org.exchange.notification.preference.Suppressions;
import org.exchange.notification.wording.Wording;
import org.exchange.platform.inbox.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reaches people who registered interest in a subject: the confirmation of an address (double opt-in: nothing
 * else is sent to it before) and the one notice that a group in their area is forming in their region. A signed-in
 * person gets the notice in their feed and, when they want category INTEREST by e-mail, a mail with its one-click
 * unsubscribe link; an address gets mails whose text carries the link that withdraws the interest. An address that
 * bounced hard is not written to. Each event is handled once (the inbox), and an address's mail is queued once per
 * event besides.
 */
@Service
public class InterestNotices {

    private static final Logger log = LoggerFactory.getLogger(InterestNotices.class);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
            Locale.UK);

    private final Notifier notifier;
    private final MailQueue mail;
    private final Suppressions suppressions;
    private final String portal;

    InterestNotices(Notifier notifier, MailQueue mail, Suppressions suppressions,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.notifier = notifier;
        this.mail = mail;
        this.suppressions = suppressions;
        this.portal = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
    }

    /** The confirmation mail of an interest registered by e-mail; its link works once, until it expires. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmationRequested(InterestConfirmationRequested request, EventMetadata event) {
        if (suppressions.suppressed(request.email())) {
            log.info("Not sending the confirmation of interest {}: its address bounced hard before",
                    request.interestId());
            return;
        }
        mail.enqueueToAddress(event.id(), request.email(),
                "Please confirm: groups in %s in %s".formatted(request.area(), request.region()), """
                        Hello,

                        Someone, we hope you, asked to hear from the Exchange when a group in %s starts in a network in %s.

                        To confirm that this is your address and that you want to hear about it, open this link:
                        %s/interest.html#confirm=%s

                        The link works once, until %s (UK time). Until you open it we will send you nothing else, and if you do not, your address is deleted then. If you did not ask for this, you do not need to do anything.

                        Changed your mind later? This link withdraws the interest and deletes your address:
                        %s/interest.html#withdraw=%s

                        The Exchange team
                        """.formatted(request.area(), request.region(), portal, request.confirmationToken(),
                        ukTime(request.expiresAt()), portal, request.confirmationToken()),
                Category.INTEREST);
    }

    /** The one notice that a group in the interest's area opened in its region. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void matched(InterestMatched match, EventMetadata event) {
        String subject = "A group in %s is forming in %s: %s".formatted(match.area(), match.region(), match.groupName());
        String group = """
                %s, in the %s network, is now recruiting members. It is planned to start on %s.

                You can read about it and join it in the portal:
                %s/groups/group.html?id=%s
                """.formatted(match.groupName(), match.networkName(),
                match.plannedStart() == null ? "a date to be confirmed" : Wording.date(match.plannedStart()), portal,
                match.groupId());
        if (match.practitionerId() != null) {
            notifier.notify(match.practitionerId(), Category.INTEREST, subject, person -> """
                    Hello %s,

                    You asked to hear when a group in %s starts in %s: one has.

                    %s
                    We tell you this once. Your interests are on your interest page, where you can withdraw them or
                    register new ones: %s/interest.html

                    The Exchange team
                    """.formatted(person.greetingName(), match.area(), match.region(), group, portal),
                    event.id(), person -> !suppressions.suppressed(person.email()));
            return;
        }
        if (match.email() == null || suppressions.suppressed(match.email())) {
            log.info("Not sending the notice of interest {}: no address, or its address bounced hard before",
                    match.interestId());
            return;
        }
        mail.enqueueToAddress(event.id(), match.email(), subject, """
                Hello,

                You asked to hear when a group in %s starts in %s: one has.

                %s
                We tell you this once. This link withdraws your interest and deletes your address:
                %s/interest.html#withdraw=%s

                The Exchange team
                """.formatted(match.area(), match.region(), group, portal, match.withdrawalToken()),
                Category.INTEREST);
    }

    private static String ukTime(Instant instant) {
        return instant == null ? "two days from now" : EXPIRY.format(instant.atZone(ZoneId.of("Europe/London")));
    }
}

package org.exchange.notification.mail;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.exchange.notification.preference.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies delivery status notifications: the returned mail becomes BOUNCED with the report's status, and after a hard
 * bounce (5.x.x) its address gets no more newsletters. The mail is found by its Message-ID, which names it
 * ({@code <mail id@domain>}); a report that does not quote it is matched to the mail last sent to the address.
 */
@Service
class BounceReports {

    private static final Logger log = LoggerFactory.getLogger(BounceReports.class);

    private final MailQueue queue;
    private final Suppressions suppressions;
    private final MailSettings settings;
    private final Clock clock;

    BounceReports(MailQueue queue, Suppressions suppressions, MailSettings settings, Clock clock) {
        this.queue = queue;
        this.suppressions = suppressions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a report changed.
     *
     * @param bounced mails marked BOUNCED
     * @param suppressed addresses the newsletter no longer goes to (hard bounces)
     * @param unmatched failed recipients the report names that match no mail sent
     * @param notFailures recipients the report says were delayed, relayed or delivered: nothing changes
     */
    record BounceOutcome(int bounced, int suppressed, int unmatched, int notFailures) {
    }

    @Transactional
    BounceOutcome apply(DeliveryStatusReport report) {
        int bounced = 0;
        int suppressed = 0;
        int unmatched = 0;
        int notFailures = 0;
        for (DeliveryStatusReport.RecipientStatus recipient : report.recipients()) {
            if (!recipient.failed()) {
                // delayed, relayed, delivered: the server is still trying or did its job
                notFailures++;
                continue;
            }
            Optional<MailQueue.Bounced> mail = mailId(report.originalMessageId())
                    .or(() -> queue.lastSentTo(recipient.address()))
                    .flatMap(id -> queue.markBounced(id, recipient.report(), recipient.hard()));
            if (mail.isEmpty()) {
                unmatched++;
                log.info("A bounce report for {} ({}) matches no mail sent", recipient.address(),
                        report.originalMessageId());
                continue;
            }
            bounced++;
            if (recipient.hard()) {
                suppressions.suppress(mail.get().recipient(), mail.get().recipientId(), recipient.status(),
                        recipient.diagnostic(), mail.get().id(), clock.instant());
                suppressed++;
            }
        }
        return new BounceOutcome(bounced, suppressed, unmatched, notFailures);
    }

    /** The mail a Message-ID of ours names: {@code <id@domain>} with the sender's domain. */
    private Optional<UUID> mailId(String messageId) {
        String suffix = "@" + settings.domain() + ">";
        if (messageId == null || !messageId.startsWith("<") || !messageId.endsWith(suffix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(messageId.substring(1, messageId.length() - suffix.length())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}

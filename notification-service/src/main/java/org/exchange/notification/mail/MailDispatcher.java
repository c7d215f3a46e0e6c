package org.exchange.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued e-mails over SMTP. A failed send is retried with a growing pause; after the last attempt the mail is
 * marked FAILED, counted in {@code exchange.mail.failed} and listed for ops.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 50;

    private final MailQueue queue;
    private final JavaMailSender sender;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration firstRetry;

    MailDispatcher(MailQueue queue, JavaMailSender sender, TransactionTemplate transaction, Clock clock,
            MeterRegistry meters,
            @Value("${exchange.mail.from:Exchange <no-reply@exchange.test>}") String from,
            @Value("${exchange.mail.max-attempts:5}") int maxAttempts,
            @Value("${exchange.mail.first-retry:PT10S}") Duration firstRetry) {
        this.queue = queue;
        this.sender = sender;
        this.transaction = transaction;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.firstRetry = firstRetry;
        Gauge.builder("exchange.mail.failed", () -> queue.count(OutgoingMail.Status.FAILED))
                .description("E-mails given up on after their attempts").register(meters);
    }

    @Scheduled(fixedDelayString = "${exchange.mail.poll-interval:PT1S}")
    void sendDue() {
        Integer sent;
        do {
            sent = transaction.execute(status -> sendBatch());
        } while (sent != null && sent == BATCH);
    }

    private int sendBatch() {
        var due = queue.lockDue(BATCH);
        for (OutgoingMail mail : due) {
            try {
                sender.send(compose(mail, sender.createMimeMessage(), from));
                queue.markSent(mail.id());
            } catch (MailException | MessagingException e) {
                int attempt = mail.attempts() + 1;
                boolean giveUp = attempt >= maxAttempts;
                Duration pause = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 10));
                queue.markFailedAttempt(mail.id(), e.getMessage(), clock.instant().plus(pause), giveUp);
                if (giveUp) {
                    log.error("Gave up sending mail {} to {} after {} attempts: {}", mail.id(), mail.recipient(),
                            attempt, e.getMessage());
                } else {
                    log.warn("Sending mail {} failed (attempt {}), retrying in {}: {}", mail.id(), attempt, pause,
                            e.getMessage());
                }
            }
        }
        return due.size();
    }

    /** The message as it goes out: plain text, and the one-click unsubscribe headers (RFC 8058) when it has a link. */
    static MimeMessage compose(OutgoingMail mail, MimeMessage message, String from) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }
}

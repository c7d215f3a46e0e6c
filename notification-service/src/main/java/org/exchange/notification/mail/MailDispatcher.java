package org.exchange.notification.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.exchange.notification.preference.UnsubscribeLinks;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued e-mails over SMTP in three steps, none of which holds a transaction open while SMTP is talked to:
 * <ol>
 * <li>claim a batch of due mails in a short transaction (their status becomes SENDING for a lease; other instances
 * skip them);</li>
 * <li>send each one, outside any transaction, with its own Message-ID: the batch over one SMTP session, at the
 * throttle's pace when it is on;</li>
 * <li>record the outcomes in a short transaction. If that fails (the database is away), the outcomes are kept here
 * and recorded before anything else is claimed, so a mail that went is never sent again by this sender.</li>
 * </ol>
 * A failed send is retried with a growing pause; a 5xx reply or the last attempt marks it FAILED, counted in
 * {@code exchange.mail.failed} and listed for ops. If the service dies between sending and recording, the lease runs
 * out and the mail is sent again with the same Message-ID, so the copy is recognisable (docs/adr).
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final MailQueue queue;
    /** How long outcomes wait at most, while a batch is being sent, before they are recorded. */
    private static final Duration RECORD_AT_LEAST_EVERY = Duration.ofSeconds(1);

    private final JavaMailSenderImpl sender;
    private final MailLayout layout;
    private final UnsubscribeLinks unsubscribeLinks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MailSettings settings;
    private final Throttle throttle;
    private final Counter sent;
    private final Counter failedAttempts;
    /** Outcomes of sends not yet recorded in the database, oldest first. */
    private final Deque<Outcome> unrecorded = new ArrayDeque<>();
    private boolean recordingFails;
    /** Set when the service stops: the mail being sent is finished, the rest of the batch is given back. */
    private volatile boolean stopping;

    MailDispatcher(MailQueue queue, JavaMailSenderImpl sender, MailLayout layout, UnsubscribeLinks unsubscribeLinks,
            TransactionTemplate transaction, Clock clock, MeterRegistry meters, MailSettings settings) {
        this.queue = queue;
        this.sender = sender;
        this.layout = layout;
        this.unsubscribeLinks = unsubscribeLinks;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
        this.throttle = new Throttle(settings.ratePerSecond(), settings.ratePerMinute(), clock);
        Gauge.builder("exchange.mail.failed", () -> queue.count(OutgoingMail.Status.FAILED))
                .description("E-mails given up on after their attempts").register(meters);
        this.sent = Counter.builder("exchange.mail.sent").description("E-mails handed to the SMTP server")
                .register(meters);
        this.failedAttempts = Counter.builder("exchange.mail.attempts.failed")
                .description("Attempts to send an e-mail that failed").register(meters);
    }

    /**
     * Sends every mail that is due, batch after batch, until none is left or the outcomes cannot be recorded. The
     * first run waits {@code exchange.mail.initial-delay} (none by default) after start.
     */
    @Scheduled(fixedDelayString = "${exchange.mail.poll-interval:PT1S}",
            initialDelayString = "${exchange.mail.initial-delay:PT0S}")
    synchronized void sendDue() {
        if (!recordOutcomes()) {
            return;
        }
        int batchSize = batchSize();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            UUID claim = UUID.randomUUID();
            List<Claimed> batch = transaction.execute(status -> claim(claim, batchSize));
            sendOverOneConnection(batch);
            recordOutcomes();
            if (!unrecorded.isEmpty() || batch.size() < batchSize) {
                return;
            }
        }
    }

    /**
     * The mails one sender claims at a time: with the throttle on, no more than it may send in half its lease, so that
     * no other sender takes them over while they are still on their way.
     */
    int batchSize() {
        if (!throttle.on()) {
            return settings.batchSize();
        }
        double halfLease = settings.lease().toMillis() / 2000.0;
        double fits = Double.MAX_VALUE;
        if (settings.ratePerSecond() > 0) {
            fits = Math.min(fits, settings.ratePerSecond() * halfLease);
        }
        if (settings.ratePerMinute() > 0) {
            fits = Math.min(fits, settings.ratePerMinute() * halfLease / 60);
        }
        return (int) Math.max(1, Math.min(settings.batchSize(), fits));
    }

    /**
     * Stops sending when the service stops: the mail on its way is finished and recorded, the rest of the claimed
     * batch is given back at once, so that another instance (or this one, restarted) carries on exactly there.
     */
    @PreDestroy
    void stop() {
        stopping = true;
    }

    private void giveBack(List<Claimed> mails) {
        try {
            transaction.executeWithoutResult(status -> mails.forEach(mail -> queue.release(mail.mail().id(),
                    mail.mail().claim())));
        } catch (DataAccessException | TransactionException e) {
            log.warn("Could not give back {} claimed mail(s); they return when their lease runs out: {}", mails.size(),
                    e.getMessage());
        }
    }

    /** The due mails claimed, each with the unsubscribe link issued for it (in the claiming transaction). */
    private List<Claimed> claim(UUID claim, int max) {
        return queue.claimDue(max, claim, clock.instant().plus(settings.lease())).stream()
                .map(mail -> new Claimed(mail, mail.unsubscribeCategory() == null || mail.recipientId() == null
                        ? mail.unsubscribeUrl()
                        : unsubscribeLinks.issue(mail.recipientId(), mail.unsubscribeCategory())))
                .toList();
    }

    /**
     * Sends a claimed batch over one SMTP session, at the throttle's pace. Each message's own failure is told apart
     * from the others' (a refused address fails that mail only); when no session can be opened, the whole batch waits
     * for its next attempt. The outcomes are recorded at least once a second on the way, so the admin's progress moves
     * and a crash leaves little sent but unrecorded. When the service stops, what is not yet sent is given back.
     */
    private void sendOverOneConnection(List<Claimed> batch) {
        long lastRecorded = System.nanoTime();
        try (SmtpConnection smtp = new SmtpConnection(sender)) {
            for (int i = 0; i < batch.size(); i++) {
                Claimed claimed = batch.get(i);
                try {
                    if (stopping) {
                        giveBack(batch.subList(i, batch.size()));
                        return;
                    }
                    throttle.pace();
                    smtp.send(compose(claimed, sender.createMimeMessage()));
                    throttle.sent();
                    sent.increment();
                    unrecorded.add(new Outcome(claimed.mail(), null));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    giveBack(batch.subList(i, batch.size()));
                    return;
                } catch (SmtpConnection.NotConnected e) {
                    SmtpFailure failure = SmtpFailure.of(e);
                    batch.subList(i, batch.size()).forEach(rest -> {
                        failedAttempts.increment();
                        unrecorded.add(new Outcome(rest.mail(), failure));
                    });
                    return;
                } catch (MessagingException | RuntimeException e) {
                    failedAttempts.increment();
                    unrecorded.add(new Outcome(claimed.mail(), SmtpFailure.of(e)));
                }
                if (System.nanoTime() - lastRecorded >= RECORD_AT_LEAST_EVERY.toNanos()) {
                    recordOutcomes();
                    lastRecorded = System.nanoTime();
                }
            }
        }
    }

    /**
     * Records the outcomes not yet recorded, in one short transaction; answers false when the database would not
     * have them (they are kept, and recorded before anything else is claimed).
     */
    private boolean recordOutcomes() {
        if (!unrecorded.isEmpty()) {
            try {
                transaction.executeWithoutResult(status -> unrecorded.forEach(this::record));
            } catch (DataAccessException | TransactionException e) {
                if (!recordingFails) {
                    log.warn("Could not record what happened to {} mail(s), first {}; keeping them to record later "
                            + "and claiming nothing more until then: {}", unrecorded.size(),
                            unrecorded.peekFirst().mail().id(), e.getMessage());
                }
                recordingFails = true;
                return false;
            }
            unrecorded.clear();
        }
        if (recordingFails) {
            log.info("Recorded the outcomes kept while the database would not have them");
            recordingFails = false;
        }
        return true;
    }

    private void record(Outcome outcome) {
        OutgoingMail mail = outcome.mail();
        if (outcome.failure() == null) {
            queue.markSent(mail.id());
            return;
        }
        int attempt = mail.attempts();
        boolean giveUp = outcome.failure().permanent() || attempt >= settings.maxAttempts();
        Duration pause = settings.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 10));
        queue.markFailedAttempt(mail.id(), mail.claim(), outcome.failure().reply(), clock.instant().plus(pause), giveUp,
                outcome.failure().permanent());
        if (giveUp) {
            log.error("Gave up sending mail {} after {} attempt(s): {}", mail.id(), attempt, outcome.failure().reply());
        } else {
            log.warn("Sending mail {} failed (attempt {}), retrying in {}: {}", mail.id(), attempt, pause,
                    outcome.failure().reply());
        }
    }

    /** The message as it goes out: a plain-text and an HTML part, its Message-ID, and the unsubscribe headers. */
    MimeMessage compose(Claimed claimed, MimeMessage message) throws MessagingException {
        OutgoingMail mail = claimed.mail();
        MailLayout.Parts parts = layout.render(new MailLayout.Letter(mail.subject(), mail.body(), mail.htmlBody(),
                claimed.unsubscribeUrl(), mail.unsubscribeCategory(), mail.webUrl(), mail.notificationId() != null));
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(parts.text(), parts.html());
        // the same id on every attempt: a copy sent again after an unknown outcome is recognisably the same message
        message.setHeader("Message-ID", messageId(mail));
        if (claimed.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + claimed.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /** The Message-ID of a mail, the same for every attempt. */
    String messageId(OutgoingMail mail) {
        return "<" + mail.id() + "@" + settings.domain() + ">";
    }

    /** A mail this sender holds, with the unsubscribe link issued for it, if it has one. */
    record Claimed(OutgoingMail mail, String unsubscribeUrl) {
    }

    /** What happened to one send; {@code failure} is null when it went. */
    private record Outcome(OutgoingMail mail, SmtpFailure failure) {
    }
}

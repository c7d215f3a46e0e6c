package org.exchange.notification.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.exchange.notification.preference.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** E-mails to send, kept in the database so that none is lost and none is sent twice. */
@Repository
public class MailQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Queues a mail for a notification; a second mail for the same notification is ignored.
     *
     * @param unsubscribeCategory the category whose one-click unsubscribe link the mail gets when it is sent, or null
     *        for a transactional mail
     */
    public void enqueue(UUID notificationId, UUID recipientId, String recipient, String subject, String body,
            Category unsubscribeCategory) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into outgoing_mail (id, notification_id, recipient_id, recipient, subject, body,
                                           unsubscribe_category, status, attempts, next_attempt_at, created_at)
                values (:id, :notification, :recipientId, :recipient, :subject, :body, :category, 'PENDING', 0, :now,
                        :now)
                on conflict (notification_id) do nothing""")
                .param("id", UUID.randomUUID())
                .param("notification", notificationId)
                .param("recipientId", recipientId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("category", unsubscribeCategory == null ? null : unsubscribeCategory.name())
                .param("now", now)
                .update();
    }

    /**
     * Queues a mail to an address that stands for no person known here (someone who registered interest by e-mail),
     * once per event: the same event queues nothing more. It has no unsubscribe link: its text carries the link that
     * withdraws what it is about. A one-time link in its text is blanked once the mail is sent.
     */
    public boolean enqueueToAddress(UUID sourceEventId, String recipient, String subject, String body,
            Category category) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into outgoing_mail (id, source_event_id, recipient, subject, body, unsubscribe_category,
                                           status, attempts, next_attempt_at, created_at)
                values (:id, :event, :recipient, :subject, :body, :category, 'PENDING', 0, :now, :now)
                on conflict (source_event_id) where source_event_id is not null do nothing""")
                .param("id", UUID.randomUUID())
                .param("event", sourceEventId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("category", category.name())
                .param("now", now)
                .update() == 1;
    }

    /** Queues a mail written for one address, with its own HTML (a newsletter's test copy); no unsubscribe link. */
    public void enqueueWritten(UUID recipientId, String recipient, String subject, String text, String html,
            String webUrl) {
        enqueueWritten(recipientId, recipient, subject, text, html, webUrl, null);
    }

    /**
     * Queues a mail written for one person, with its own HTML (a digest), in no one's feed; answers its id.
     *
     * @param unsubscribeCategory the category whose one-click unsubscribe link the mail gets when it is sent, or null
     */
    public UUID enqueueWritten(UUID recipientId, String recipient, String subject, String text, String html,
            String webUrl, Category unsubscribeCategory) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into outgoing_mail (id, recipient_id, recipient, subject, body, html_body, web_url,
                                           unsubscribe_category, status, attempts, next_attempt_at, created_at)
                values (:id, :recipientId, :recipient, :subject, :body, :html, :web, :category, 'PENDING', 0, :now,
                        :now)""")
                .param("id", id)
                .param("recipientId", recipientId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", text)
                .param("html", html)
                .param("web", webUrl)
                .param("category", unsubscribeCategory == null ? null : unsubscribeCategory.name())
                .param("now", now)
                .update();
        return id;
    }

    /**
     * Claims due mails for one sender until {@code until}: waiting ones, and ones whose earlier sender's lease ran out
     * (it died before recording what happened: sent again, with the same Message-ID). Rows another sender is claiming
     * at this moment are skipped, so several instances share the work. Counts the attempt. Needs a transaction, and
     * only a short one: the claim is what keeps others away after it commits.
     */
    List<OutgoingMail> claimDue(int max, UUID claim, Instant until) {
        // a newsletter copy carries no text of its own: it is its issue's, frozen when the issue started sending
        return jdbc.sql("""
                with claimed as (
                  update outgoing_mail set status = 'SENDING', claim = :claim, claimed_until = :until,
                                           attempts = attempts + 1
                  where id in (select id from outgoing_mail
                               where (status = 'PENDING' and next_attempt_at <= :now)
                                  or (status = 'SENDING' and claimed_until <= :now)
                               order by next_attempt_at limit :max for update skip locked)
                  returning *)
                select c.id, c.notification_id, c.recipient_id, c.recipient, coalesce(c.subject, i.title) as subject,
                       coalesce(c.body, i.markdown) as body, coalesce(c.html_body, i.html) as html_body,
                       c.unsubscribe_category, c.web_url, c.newsletter_issue_id, c.unsubscribe_url, c.status,
                       c.attempts, c.next_attempt_at, c.last_error, c.claim
                from claimed c left join newsletter_issue i on i.id = c.newsletter_issue_id""")
                .param("claim", claim)
                .param("until", Timestamp.from(until))
                .param("now", Timestamp.from(clock.instant()))
                .param("max", max)
                .query(MailQueue::map)
                .list();
    }

    /** Records that a mail went; answers false when it had been taken off the queue meanwhile (an erasure). */
    boolean markSent(UUID id) {
        return jdbc.sql("""
                update outgoing_mail set status = 'SENT', sent_at = :now, last_error = null, claim = null,
                                         claimed_until = null, unsubscribe_url = null,
                                         body = case when source_event_id is null then body
                                                     else regexp_replace(body, '(#(confirm|withdraw)=)[A-Za-z0-9_-]+',
                                                                         '\\1(used)', 'g') end
                where id = :id and status in ('SENDING', 'PENDING')""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Records a failed attempt of the sender holding the claim: the mail waits until {@code nextAttempt}, or is given
     * up on.
     */
    void markFailedAttempt(UUID id, UUID claim, String error, Instant nextAttempt, boolean giveUp, boolean permanent) {
        jdbc.sql("""
                update outgoing_mail set last_error = :error, next_attempt_at = :next, status = :status,
                                         permanent_failure = :permanent, claim = null, claimed_until = null
                where id = :id and claim = :claim and status = 'SENDING'""")
                .param("error", error)
                .param("next", Timestamp.from(nextAttempt))
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("permanent", permanent)
                .param("id", id)
                .param("claim", claim)
                .update();
    }

    /** Gives back a claimed mail that was not attempted: waiting again, its attempt not counted. */
    void release(UUID id, UUID claim) {
        jdbc.sql("""
                update outgoing_mail set status = 'PENDING', attempts = greatest(attempts - 1, 0), claim = null,
                                         claimed_until = null
                where id = :id and claim = :claim and status = 'SENDING'""")
                .param("id", id).param("claim", claim).update();
    }

    /** A sent mail the receiving server returned: BOUNCED with the report's status; answers whom it was for. */
    java.util.Optional<Bounced> markBounced(UUID id, String report, boolean hard) {
        return jdbc.sql("""
                update outgoing_mail set status = 'BOUNCED', bounced_at = :now, last_error = :report,
                                         permanent_failure = :hard
                where id = :id and status in ('SENT', 'BOUNCED')
                returning id, recipient_id, recipient""")
                .param("now", Timestamp.from(clock.instant()))
                .param("report", report)
                .param("hard", hard)
                .param("id", id)
                .query((rs, row) -> new Bounced(rs.getObject("id", UUID.class), rs.getObject("recipient_id", UUID.class),
                        rs.getString("recipient")))
                .optional();
    }

    /** The mail last sent to an address, for a bounce report that does not quote the Message-ID. */
    java.util.Optional<UUID> lastSentTo(String address) {
        return jdbc.sql("""
                select id from outgoing_mail where lower(recipient) = lower(:address) and status in ('SENT', 'BOUNCED')
                order by sent_at desc nulls last limit 1""")
                .param("address", address).query(UUID.class).optional();
    }

    /** A mail that bounced: whom it was for. */
    record Bounced(UUID id, UUID recipientId, String recipient) {
    }

    /** Mails given up on, for ops to look at and retry. */
    List<OutgoingMail> failed(int max) {
        return jdbc.sql("select * from outgoing_mail where status = 'FAILED' order by next_attempt_at desc limit :max")
                .param("max", max)
                .query(MailQueue::map)
                .list();
    }

    /** Puts a failed mail back in the queue. */
    public boolean requeue(UUID id) {
        return jdbc.sql("""
                update outgoing_mail set status = 'PENDING', attempts = 0, permanent_failure = false,
                                         next_attempt_at = :now
                where id = :id and status = 'FAILED'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update() == 1;
    }

    /**
     * Erases the address and contents of every mail to a person; a mail not yet sent never will be. The rows stay,
     * so that counts of mail sent stay true.
     */
    public void eraseFor(UUID recipientId) {
        jdbc.sql("""
                update outgoing_mail set recipient = 'erased', subject = '', body = '', html_body = null,
                                         unsubscribe_url = null, last_error = null,
                                         status = case when status = 'SENT' then 'SENT' else 'CANCELLED' end
                where recipient_id = :recipient
                   or notification_id in (select id from notification where recipient_id = :recipient)""")
                .param("recipient", recipientId)
                .update();
    }

    long count(OutgoingMail.Status status) {
        return jdbc.sql("select count(*) from outgoing_mail where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    static OutgoingMail map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("unsubscribe_category");
        return new OutgoingMail(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getObject("recipient_id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getString("html_body"), category == null ? null : Category.valueOf(category),
                rs.getString("web_url"), rs.getObject("newsletter_issue_id", UUID.class), rs.getString("unsubscribe_url"),
                OutgoingMail.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getObject("claim", UUID.class));
    }
}

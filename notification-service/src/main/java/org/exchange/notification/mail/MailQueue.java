package org.exchange.notification.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
     * @param unsubscribeUrl the one-click unsubscribe link the mail carries in its headers, or null for a
     *        transactional mail
     */
    public void enqueue(UUID notificationId, String recipient, String subject, String body, String unsubscribeUrl) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into outgoing_mail (id, notification_id, recipient, subject, body, unsubscribe_url, status,
                                           attempts, next_attempt_at, created_at)
                values (:id, :notification, :recipient, :subject, :body, :unsubscribe, 'PENDING', 0, :now, :now)
                on conflict (notification_id) do nothing""")
                .param("id", UUID.randomUUID())
                .param("notification", notificationId)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("body", body)
                .param("unsubscribe", unsubscribeUrl)
                .param("now", now)
                .update();
    }

    /** Locks due mails for this sender; other instances of the service skip them. Needs a transaction. */
    List<OutgoingMail> lockDue(int max) {
        return jdbc.sql("""
                select * from outgoing_mail where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at limit :max for update skip locked""")
                .param("now", Timestamp.from(clock.instant()))
                .param("max", max)
                .query(MailQueue::map)
                .list();
    }

    void markSent(UUID id) {
        jdbc.sql("update outgoing_mail set status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = null where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    void markFailedAttempt(UUID id, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("""
                update outgoing_mail set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                                         status = :status
                where id = :id""")
                .param("error", error)
                .param("next", Timestamp.from(nextAttempt))
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("id", id)
                .update();
    }

    /** Mails given up on, for ops to look at and retry. */
    List<OutgoingMail> failed(int max) {
        return jdbc.sql("select * from outgoing_mail where status = 'FAILED' order by next_attempt_at desc limit :max")
                .param("max", max)
                .query(MailQueue::map)
                .list();
    }

    /** Puts a failed mail back in the queue. */
    boolean retry(UUID id) {
        return jdbc.sql("""
                update outgoing_mail set status = 'PENDING', attempts = 0, next_attempt_at = :now
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
                update outgoing_mail set recipient = 'erased', subject = '', body = '', unsubscribe_url = null,
                                         last_error = null,
                                         status = case when status = 'SENT' then 'SENT' else 'CANCELLED' end
                where notification_id in (select id from notification where recipient_id = :recipient)""")
                .param("recipient", recipientId)
                .update();
    }

    long count(OutgoingMail.Status status) {
        return jdbc.sql("select count(*) from outgoing_mail where status = :status")
                .param("status", status.name())
                .query(Long.class)
                .single();
    }

    private static OutgoingMail map(ResultSet rs, int row) throws SQLException {
        return new OutgoingMail(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("unsubscribe_url"),
                OutgoingMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"));
    }
}

package org.exchange.notification.preference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Addresses the newsletter no longer goes to because mail to them bounced hard (the address does not exist). The
 * audiences leave them out; a suppression ends when the person has another address (it is kept per address) or
 * switches the newsletter on again in the portal.
 */
@Repository
public class Suppressions {

    private final JdbcClient jdbc;

    Suppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stops newsletters to an address after a hard bounce of the mail {@code mailId}. */
    public void suppress(String email, UUID recipientId, String status, String diagnostic, UUID mailId, Instant at) {
        jdbc.sql("""
                insert into mail_suppression (email, recipient_id, status, diagnostic, mail_id, suppressed_at)
                values (:email, :recipient, :status, :diagnostic, :mail, :at)
                on conflict (email) do update set recipient_id = excluded.recipient_id, status = excluded.status,
                    diagnostic = excluded.diagnostic, mail_id = excluded.mail_id, suppressed_at = excluded.suppressed_at""")
                .param("email", email.toLowerCase(Locale.ROOT))
                .param("recipient", recipientId)
                .param("status", status)
                .param("diagnostic", diagnostic)
                .param("mail", mailId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Whether mail to the address bounced hard and is not to be sent (interest mails honour it, as newsletters do). */
    public boolean suppressed(String email) {
        return email != null && jdbc.sql("select count(*) from mail_suppression where email = lower(:email)")
                .param("email", email).query(Integer.class).single() > 0;
    }

    /** Ends every suppression of a person's addresses: they opted in again, or asked for erasure. */
    void lift(UUID recipientId) {
        jdbc.sql("delete from mail_suppression where recipient_id = :recipient").param("recipient", recipientId)
                .update();
    }
}

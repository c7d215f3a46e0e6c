package org.exchange.notification.preference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each person chose to get by e-mail, per category. */
@Repository
public class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a notification of this category should also reach the person by e-mail. */
    public boolean emailWanted(UUID recipient, Category category) {
        if (category.transactional()) {
            return true;
        }
        return jdbc.sql("select email from mail_preference where recipient_id = :recipient and category = :category")
                .param("recipient", recipient)
                .param("category", category.name())
                .query(Boolean.class)
                .optional()
                .orElse(category.emailByDefault());
    }

    /** Every category with the person's choice, or its default. */
    Map<Category, Boolean> of(UUID recipient) {
        Map<Category, Boolean> choices = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            choices.put(category, category.transactional() || category.emailByDefault());
        }
        jdbc.sql("select category, email from mail_preference where recipient_id = :recipient")
                .param("recipient", recipient)
                .query((rs, row) -> Map.entry(Category.valueOf(rs.getString("category")), rs.getBoolean("email")))
                .list()
                .forEach(choice -> {
                    if (!choice.getKey().transactional()) {
                        choices.put(choice.getKey(), choice.getValue());
                    }
                });
        return choices;
    }

    /** Records a choice; callers keep transactional categories on. */
    public void set(UUID recipient, Category category, boolean email, Instant at) {
        jdbc.sql("""
                insert into mail_preference (recipient_id, category, email, updated_at)
                values (:recipient, :category, :email, :at)
                on conflict (recipient_id, category) do update set email = excluded.email, updated_at = excluded.updated_at""")
                .param("recipient", recipient)
                .param("category", category.name())
                .param("email", email)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** How often the person wants the discussion digest: off when its e-mail is switched off, else their frequency. */
    public DigestFrequency digest(UUID recipient) {
        if (!emailWanted(recipient, Category.DIGEST)) {
            return DigestFrequency.OFF;
        }
        return jdbc.sql("select frequency from digest_preference where recipient_id = :recipient")
                .param("recipient", recipient)
                .query(String.class)
                .optional()
                .map(DigestFrequency::valueOf)
                .orElse(DigestFrequency.DEFAULT);
    }

    /** Records how often the person wants the digest; off switches the DIGEST e-mail off and keeps the frequency. */
    void setDigest(UUID recipient, DigestFrequency frequency, Instant at) {
        set(recipient, Category.DIGEST, frequency != DigestFrequency.OFF, at);
        if (frequency != DigestFrequency.OFF) {
            jdbc.sql("""
                    insert into digest_preference (recipient_id, frequency, updated_at)
                    values (:recipient, :frequency, :at)
                    on conflict (recipient_id) do update
                    set frequency = excluded.frequency, updated_at = excluded.updated_at""")
                    .param("recipient", recipient)
                    .param("frequency", frequency.name())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    /** Forgets every choice and unsubscribe link of a person who asked for erasure. */
    public void erase(UUID recipient) {
        jdbc.sql("delete from mail_preference where recipient_id = :recipient").param("recipient", recipient).update();
        jdbc.sql("delete from digest_preference where recipient_id = :recipient").param("recipient", recipient).update();
        jdbc.sql("delete from unsubscribe_token where recipient_id = :recipient").param("recipient", recipient).update();
        jdbc.sql("delete from mail_suppression where recipient_id = :recipient").param("recipient", recipient).update();
    }
}

package org.exchange.notification.preference;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-click unsubscribe links (RFC 8058): a random secret per person and category, so that whoever holds a mail can
 * switch off that mail's category for its recipient, and nothing else.
 */
@Repository
public class UnsubscribeLinks {

    /** The path of a link, below the public base url; {@code {token}} is the secret. */
    static final String PATH = "/api/notifications/unsubscribe/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicBaseUrl;

    UnsubscribeLinks(JdbcClient jdbc, Clock clock,
            @Value("${exchange.notification.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The link that switches off e-mail of this category for this person; the same link every time. */
    public String urlFor(UUID recipient, Category category) {
        if (category.transactional()) {
            throw new IllegalArgumentException(category + " is transactional: its e-mails cannot be switched off");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        jdbc.sql("""
                insert into unsubscribe_token (token, recipient_id, category, created_at)
                values (:token, :recipient, :category, :now)
                on conflict (recipient_id, category) do nothing""")
                .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                .param("recipient", recipient)
                .param("category", category.name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        String token = jdbc.sql("select token from unsubscribe_token where recipient_id = :recipient and category = :category")
                .param("recipient", recipient)
                .param("category", category.name())
                .query(String.class)
                .single();
        return publicBaseUrl + PATH + token;
    }

    /** Whom and what a token stands for. */
    Optional<Subscription> find(String token) {
        return jdbc.sql("select recipient_id, category from unsubscribe_token where token = :token")
                .param("token", token)
                .query((rs, row) -> new Subscription(rs.getObject("recipient_id", UUID.class),
                        Category.valueOf(rs.getString("category"))))
                .optional();
    }

    /** A person's e-mail of one category, as an unsubscribe link names it. */
    record Subscription(UUID recipient, Category category) {
    }
}

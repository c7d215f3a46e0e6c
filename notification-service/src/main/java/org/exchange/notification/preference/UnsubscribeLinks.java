package org.exchange.notification.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.exchange.platform.security.SecretTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-click unsubscribe links (RFC 8058): a random 256-bit secret, issued as a mail is sent, that lets whoever holds the
 * mail switch off that mail's category for its recipient, and nothing else. Only the secret's SHA-256 is kept, like
 * calendar feed tokens: the link exists in the mail alone.
 */
@Repository
public class UnsubscribeLinks {

    /** The path of a link, below the public base url; {@code {token}} is the secret. */
    static final String PATH = "/api/notifications/unsubscribe/";


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

    /**
     * Issues a new link that switches off e-mail of this category for this person; earlier links keep working. Call it
     * in the transaction that claims the mail, so that a link is only known once the mail carrying it is on its way.
     */
    public String issue(UUID recipient, Category category) {
        if (category.transactional()) {
            throw new IllegalArgumentException(category + " is transactional: its e-mails cannot be switched off");
        }
        String token = SecretTokens.issue();
        jdbc.sql("""
                insert into unsubscribe_token (token_hash, recipient_id, category, created_at)
                values (:hash, :recipient, :category, :now)""")
                .param("hash", SecretTokens.hash(token))
                .param("recipient", recipient)
                .param("category", category.name())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return publicBaseUrl + PATH + token;
    }

    /** Whom and what a token stands for. */
    Optional<Subscription> find(String token) {
        return jdbc.sql("select recipient_id, category from unsubscribe_token where token_hash = :hash")
                .param("hash", SecretTokens.hash(token))
                .query((rs, row) -> new Subscription(rs.getObject("recipient_id", UUID.class),
                        Category.valueOf(rs.getString("category"))))
                .optional();
    }

    /** A person's e-mail of one category, as an unsubscribe link names it. */
    record Subscription(UUID recipient, Category category) {
    }
}

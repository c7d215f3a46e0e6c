package org.exchange.tokens;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Bearer tokens a decoder has verified, each kept until its expiry, so that a caller sending the same token for its
 * whole life has its signature checked once. The exact token string is the key: a token differing in any byte (a
 * forged signature, other claims) is not found and goes to the decoder. Only a token with an expiry still to come is
 * kept; past {@link #MOST_TOKENS} the least used are given up. The gateway's reactive decoder and the services'
 * decoders both keep theirs here.
 */
public final class VerifiedTokens {

    /** Enough for the callers active at once. */
    public static final int MOST_TOKENS = 4096;

    private final InstantSource clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(InstantSource clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MOST_TOKENS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> Duration.between(clock.instant(),
                        jwt.getExpiresAt())))
                .build();
    }

    /** The token as it was verified, if it was and has not expired since. */
    public Optional<Jwt> find(String token) {
        return Optional.ofNullable(verified.getIfPresent(token));
    }

    /** Keeps a token the decoder has just accepted, if it has an expiry still to come; gives it back. */
    public Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}

package org.exchange.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A bearer token the gateway has verified is not verified again on the client's next request while it is still
 * valid: checking an RSA signature took a quarter of the gateway's CPU samples under load (JFR, docs/performance.md),
 * and an API client sends the same token for its whole five-minute life. The exact token string is the key, so a
 * token differing in any byte (a forged signature, other claims) is verified on its own; a remembered token is given up
 * at its expiry, after which the decoder judges it again (with its clock skew). The services still verify it
 * themselves.
 */
final class RememberedTokens implements ReactiveJwtDecoder {

    /** Enough for the API clients active at once; past it the expired go first, then everything. */
    static final int MOST_TOKENS = 4096;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    RememberedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (!stillValid(jwt, now)) {
            return;
        }
        if (verified.size() >= MOST_TOKENS) {
            verified.values().removeIf(old -> !stillValid(old, now));
            if (verified.size() >= MOST_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    /** Only a token with an expiry is remembered, and only until then. */
    private static boolean stillValid(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }

    /** Every bearer token decoder of the gateway (the realm's, or a test's) remembers what it verified. */
    @Configuration(proxyBeanMethods = false)
    static class Remembering {

        @Bean
        static BeanPostProcessor rememberedBearerTokens() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RememberedTokens)
                            ? new RememberedTokens(decoder, Clock.systemUTC()) : bean;
                }
            };
        }
    }
}

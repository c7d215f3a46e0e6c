package org.exchange.gateway.security;

import java.time.Clock;

import org.exchange.tokens.VerifiedTokens;
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

    private final ReactiveJwtDecoder decoder;
    private final VerifiedTokens verified;

    RememberedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.verified = new VerifiedTokens(clock);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return verified.find(token).map(Mono::just)
                .orElseGet(() -> decoder.decode(token).map(jwt -> verified.remember(token, jwt)));
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

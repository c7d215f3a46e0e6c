package org.exchange.platform.security;

import java.time.Clock;

import org.exchange.tokens.VerifiedTokens;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bearer token a service has verified is not verified again on the caller's next request while it is still valid:
 * the gateway passes each person's token on unchanged for its whole five-minute life, and checking its RSA signature
 * on every call is the largest single cost of an authenticated read under C1 (docs/performance.md). The exact token
 * string is the key, so a token differing in any byte (a forged signature, other claims) is verified on its own; a
 * remembered token is given up at its expiry, after which the decoder judges it again (with its clock skew) and refuses
 * it. Only tokens the decoder accepted, with all its validators (issuer, expiry, audience), are remembered. The
 * gateway's {@code RememberedTokens} does the same for its reactive decoder.
 */
final class RememberedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final VerifiedTokens verified;

    RememberedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.verified = new VerifiedTokens(clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return verified.find(token).orElseGet(() -> verified.remember(token, decoder.decode(token)));
    }

    /** Every bearer token decoder of a service (the realm's, as Spring Boot builds it, or a test's) remembers. */
    static BeanPostProcessor rememberingDecoders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)
                        ? new RememberedTokens(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}

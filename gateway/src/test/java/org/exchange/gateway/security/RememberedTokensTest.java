package org.exchange.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class RememberedTokensTest {

    static final RSAKey REALM_KEY = rsaKey();
    static final Instant NOW = Instant.now();

    final AtomicInteger verifications = new AtomicInteger();
    final NimbusReactiveJwtDecoder realm = realmDecoder();
    final ReactiveJwtDecoder counted = token -> {
        verifications.incrementAndGet();
        return realm.decode(token);
    };

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainOnTheClientsNextRequests() throws Exception {
        RememberedTokens tokens = new RememberedTokens(counted, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = token(REALM_KEY, NOW.plusSeconds(300));

        Jwt first = tokens.decode(token).block();
        Jwt again = tokens.decode(token).block();

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenDifferingFromARememberedOneIsVerifiedOnItsOwnAndAForgedSignatureIsRefused() throws Exception {
        RememberedTokens tokens = new RememberedTokens(counted, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = token(REALM_KEY, NOW.plusSeconds(300));
        tokens.decode(token).block();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + token(rsaKey(), NOW.plusSeconds(300))
                .substring(token.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsJudgedAgainByTheDecoderOnceItHasExpired() throws Exception {
        MovableClock clock = new MovableClock(NOW);
        RememberedTokens tokens = new RememberedTokens(counted, clock);
        String token = token(REALM_KEY, NOW.plusSeconds(300));
        tokens.decode(token).block();

        clock.now = NOW.plusSeconds(301);
        tokens.decode(token).block();

        // past its expiry by the gateway's clock the realm's decoder judges the token again
        assertThat(verifications).hasValue(2);
    }

    private NimbusReactiveJwtDecoder realmDecoder() {
        try {
            return NimbusReactiveJwtDecoder.withPublicKey(REALM_KEY.toRSAPublicKey()).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(RSAKey key, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("realm-key").build(),
                new JWTClaimsSet.Builder().subject("practitioner").issueTime(Date.from(expiry.minusSeconds(300)))
                        .expirationTime(Date.from(expiry)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("realm-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test moves on. */
    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

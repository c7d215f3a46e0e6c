package org.exchange.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

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

    final MovableClock clock = new MovableClock(NOW);
    final AtomicInteger verifications = new AtomicInteger();
    final NimbusJwtDecoder realm = realmDecoder(clock);
    final JwtDecoder counted = token -> {
        verifications.incrementAndGet();
        return realm.decode(token);
    };
    final RememberedTokens tokens = new RememberedTokens(counted, clock);

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainOnTheCallersNextRequests() throws Exception {
        String token = token(REALM_KEY, NOW.plusSeconds(300));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aForgedSignatureOnARememberedTokensClaimsIsVerifiedOnItsOwnAndRefused() throws Exception {
        String token = token(REALM_KEY, NOW.plusSeconds(300));
        tokens.decode(token);
        String signedByAnother = token(rsaKey(), NOW.plusSeconds(300));
        String forged = token.substring(0, token.lastIndexOf('.') + 1)
                + signedByAnother.substring(signedByAnother.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void anExpiredTokenIsRefusedAndNotRemembered() throws Exception {
        String expired = token(REALM_KEY, NOW.minusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsGivenUpAtItsExpiryAndThenRefusedByTheDecoder() throws Exception {
        String token = token(REALM_KEY, NOW.plusSeconds(300));
        tokens.decode(token);

        clock.now = NOW.plusSeconds(301);

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void everyBearerTokenDecoderOfAServiceRemembers() throws Exception {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean("rememberedBearerTokens", BeanPostProcessor.class,
                    ServiceSecurityAutoConfiguration::rememberedBearerTokens);
            context.registerBean(JwtDecoder.class, () -> counted);
            context.refresh();
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            String token = token(REALM_KEY, Instant.now().plusSeconds(300));

            decoder.decode(token);
            decoder.decode(token);

            assertThat(decoder).isInstanceOf(RememberedTokens.class);
            assertThat(verifications).hasValue(1);
        }
    }

    /** The realm's decoder as a service has it, judging expiry by the test's clock with no skew. */
    private static NimbusJwtDecoder realmDecoder(Clock clock) {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(REALM_KEY.toRSAPublicKey()).build();
            JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
            expiry.setClock(clock);
            decoder.setJwtValidator(expiry);
            return decoder;
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
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

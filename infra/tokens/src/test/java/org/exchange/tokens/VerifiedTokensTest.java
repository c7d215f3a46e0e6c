package org.exchange.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    Instant now = NOW;
    final VerifiedTokens tokens = new VerifiedTokens(() -> now);

    @Test
    void aVerifiedTokenIsFoundByItsExactStringUntilItsExpiry() {
        Jwt jwt = jwt(NOW.plusSeconds(300));
        tokens.remember("a.b.c", jwt);

        assertThat(tokens.find("a.b.c")).containsSame(jwt);
        assertThat(tokens.find("a.b.d")).isEmpty();

        now = NOW.plusSeconds(299);
        assertThat(tokens.find("a.b.c")).containsSame(jwt);
        now = NOW.plusSeconds(300);
        assertThat(tokens.find("a.b.c")).isEmpty();
    }

    @Test
    void aTokenWithoutAnExpiryOrAlreadyExpiredIsNotKept() {
        tokens.remember("forever", Jwt.withTokenValue("forever").header("alg", "RS256").subject("p").build());
        tokens.remember("gone", jwt(NOW));

        assertThat(tokens.find("forever")).isEmpty();
        assertThat(tokens.find("gone")).isEmpty();
    }

    private static Jwt jwt(Instant expiry) {
        return Jwt.withTokenValue("token").header("alg", "RS256").subject("practitioner")
                .issuedAt(expiry.minusSeconds(300)).expiresAt(expiry).build();
    }
}

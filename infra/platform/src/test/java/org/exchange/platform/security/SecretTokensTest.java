package org.exchange.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretTokensTest {

    @Test
    void aTokenIsFortyThreeUrlSafeCharactersAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = SecretTokens.issue();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void theHashIsTheSha256InLowerCaseHexOfTheTokensUtf8Bytes() {
        // the published test vector of SHA-256 for "abc" (FIPS 180-2, appendix B.1)
        assertThat(SecretTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretTokens.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SecretTokens.hash("abc"));
    }
}

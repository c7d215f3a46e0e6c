package org.exchange.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets that stand for a person in a link (a calendar feed address, an unsubscribe link): 256 random bits, URL-safe,
 * kept only as their SHA-256. A token that long needs no salt or slow hash: nobody can try enough of them.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** A new token: 32 random bytes in unpadded URL-safe Base64 (43 characters). */
    public static String issue() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What is kept of a token: the SHA-256 of its UTF-8 bytes, in lower-case hex. */
    public static String hash(String token) {
        return sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of some bytes, in lower-case hex (64 characters), as PostgreSQL's {@code encode(sha256(..), 'hex')}. */
    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}

package org.exchange.membership.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Partners' OIDC client secrets as membership-service's database keeps them: encrypted with AES-256-GCM under the key
 * {@code exchange.membership.partner-secret-key} (32 random bytes, base64), each with its own random nonce, bound to
 * the provider's alias (the associated data), so that a secret copied onto another partner's row does not decrypt. A
 * service without a usable key does not start: there is no default outside the launcher's local platform.
 */
@Component
public class PartnerSecrets {

    /** What an encrypted secret begins with: the scheme, so that a later key or scheme can be told apart. */
    static final String PREFIX = "aes256gcm:";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    PartnerSecrets(@Value("${exchange.membership.partner-secret-key:}") String key) {
        this.key = new SecretKeySpec(decodedKey(key), "AES");
    }

    private static byte[] decodedKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("exchange.membership.partner-secret-key is not set: membership-service"
                    + " encrypts partners' client secrets with it and does not start without one. Give 32 random"
                    + " bytes in base64 (openssl rand -base64 32), the same to every replica, from the deployment's"
                    + " secret store (EXCHANGE_MEMBERSHIP_PARTNERSECRETKEY)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("exchange.membership.partner-secret-key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("exchange.membership.partner-secret-key must be 32 bytes (AES-256) in"
                    + " base64; it has " + bytes.length);
        }
        return bytes;
    }

    /** The secret as stored: the scheme, then base64 of nonce and ciphertext with its tag. */
    String encrypt(String alias, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, alias, secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
        return PREFIX + Base64.getEncoder().encodeToString(stored);
    }

    /**
     * The secret, to hand to Keycloak.
     *
     * @throws IllegalStateException when it is not encrypted or not under this key (changed, or another deployment's)
     */
    String decrypt(String alias, String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("The client secret of " + alias + " is not encrypted as expected");
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        try {
            return new String(run(Cipher.DECRYPT_MODE, nonce, alias, sealed), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The client secret of " + alias + " does not decrypt with"
                    + " exchange.membership.partner-secret-key (was the key changed?); onboard the partner again", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private byte[] run(int mode, byte[] nonce, String alias, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(alias.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM " + (mode == Cipher.ENCRYPT_MODE ? "encryption" : "decryption")
                    + " failed: " + e.getClass().getSimpleName());
        }
    }
}

package org.exchange.accreditation.credential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's issuer key (RSA, for RS256 VC-JWTs): from a configured JWK file, or else generated once and kept in
 * the database, never regenerated on restart, so credentials issued before stay verifiable.
 */
@Component
class IssuerKeys {

    private final JdbcClient jdbc;
    private final IssuerSettings settings;
    private final Clock clock;
    private volatile RSAKey key;

    IssuerKeys(JdbcClient jdbc, IssuerSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The private signing key. */
    RSAKey signingKey() {
        RSAKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                current = key;
            }
        }
        return current;
    }

    /** The public half, as published in the JWK set. */
    RSAKey publicKey() {
        return signingKey().toPublicJWK();
    }

    private RSAKey load() {
        try {
            if (settings.jwkFile() != null && !settings.jwkFile().isBlank()) {
                return RSAKey.parse(Files.readString(Path.of(settings.jwkFile())));
            }
            return stored();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("The issuer key cannot be read", e);
        }
    }

    RSAKey stored() throws ParseException {
        String existing = jdbc.sql("select jwk from issuer_key order by created_at limit 1").query(String.class)
                .optional().orElse(null);
        if (existing != null) {
            return RSAKey.parse(existing);
        }
        try {
            RSAKey generated = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID("issuer-" + UUID.randomUUID()).generate();
            // two replicas starting together: the first key stored wins, the other reads it
            jdbc.sql("""
                    insert into issuer_key (key_id, jwk, created_at)
                    select :id, :jwk, :at where not exists (select 1 from issuer_key)""")
                    .param("id", generated.getKeyID()).param("jwk", generated.toJSONString())
                    .param("at", Timestamp.from(clock.instant())).update();
            return RSAKey.parse(jdbc.sql("select jwk from issuer_key order by created_at limit 1")
                    .query(String.class).single());
        } catch (JOSEException e) {
            throw new IllegalStateException("The issuer key cannot be generated", e);
        }
    }
}

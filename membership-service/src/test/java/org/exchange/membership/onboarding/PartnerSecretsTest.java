package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PartnerSecretsTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

    final PartnerSecrets secrets = new PartnerSecrets(KEY);

    @Test
    void aSecretIsStoredEncryptedWithAFreshNonceAndComesBackAsItWas() {
        String first = secrets.encrypt("eastfield", "the-broker-secret");
        String second = secrets.encrypt("eastfield", "the-broker-secret");

        assertThat(first).startsWith(PartnerSecrets.PREFIX).doesNotContain("the-broker-secret").isNotEqualTo(second);
        assertThat(secrets.decrypt("eastfield", first)).isEqualTo("the-broker-secret");
        assertThat(secrets.decrypt("eastfield", second)).isEqualTo("the-broker-secret");
    }

    @Test
    void aSecretCopiedOntoAnotherPartnerOrUnderAnotherKeyDoesNotDecrypt() {
        String stored = secrets.encrypt("eastfield", "the-broker-secret");

        assertThatThrownBy(() -> secrets.decrypt("northgate", stored)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> new PartnerSecrets(OTHER_KEY).decrypt("eastfield", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("was the key changed?");
        assertThatThrownBy(() -> secrets.decrypt("eastfield", "the-broker-secret"))
                .hasMessageContaining("not encrypted");
    }

    @Test
    void theServiceDoesNotStartWithoutAKeyOrWithAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new PartnerSecrets("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exchange.membership.partner-secret-key is not set");
        assertThatThrownBy(() -> new PartnerSecrets(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new PartnerSecrets("not base64!")).hasMessageContaining("not base64");
    }
}

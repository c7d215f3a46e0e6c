package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** SAML 2.0 metadata read and checked before anything is stored; no Keycloak, no network. */
class SamlMetadataDocumentsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final SamlMetadataDocuments METADATA = new SamlMetadataDocuments(Clock.fixed(NOW, ZoneOffset.UTC));
    static final String CURRENT = TestCertificates.selfSigned("idp.northgate.test", LocalDate.of(2026, 1, 1), 730);
    static final String SSO = "https://idp.northgate.test/saml/sso";

    @Test
    void keycloaksOwnMetadataGivesTheEntityThePostEndpointAndTheCertificateWithItsExpiry() {
        SamlMetadata read = METADATA.read(TestCertificates.metadata("https://idp.northgate.test", SSO, CURRENT));

        assertThat(read.entityId()).isEqualTo("https://idp.northgate.test");
        assertThat(read.singleSignOnUrl()).isEqualTo(SSO);
        assertThat(read.postBinding()).as("POST is preferred, as Keycloak's own import does").isTrue();
        assertThat(read.singleLogoutUrl()).isEqualTo(SSO);
        assertThat(read.postBindingLogout()).isFalse();
        assertThat(read.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(read.wantAuthnRequestsSigned()).isTrue();
        assertThat(read.signingCertificates()).containsExactly(CURRENT);
        assertThat(read.signingCertificateExpiresAt()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    }

    @Test
    void anExpiredSigningCertificateIsRefusedSayingWhenItExpired() {
        String expired = TestCertificates.selfSigned("old.northgate.test", LocalDate.of(2024, 1, 1), 365);

        assertThatThrownBy(() -> METADATA.read(TestCertificates.metadata("https://idp.northgate.test", SSO, expired)))
                .isInstanceOf(Unusable.class)
                .hasMessageContaining("expired on 2024-12-31T00:00:00Z")
                .extracting(e -> ((Unusable) e).field()).isEqualTo("metadataXml");
    }

    @Test
    void anExternalEntityIsNeverReadBecauseNoDoctypeIsAccepted() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE md:EntityDescriptor [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&secret;"/>
                """;

        assertThatThrownBy(() -> METADATA.read(xxe)).isInstanceOf(Unusable.class)
                .hasMessageContaining("document type declaration (DOCTYPE)")
                .hasMessageNotContaining("root:");
    }

    @Test
    void anEntityExpansionBombIsRefusedTheSameWay() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <lolz>&lol2;</lolz>
                """;

        assertThatThrownBy(() -> METADATA.read(bomb)).isInstanceOf(Unusable.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedWithWhereItBreaks() {
        assertThatThrownBy(() -> METADATA.read("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">"))
                .isInstanceOf(Unusable.class).hasMessageContaining("is not well-formed XML (line 1");
    }

    @Test
    void metadataOfAServiceProviderOrWithoutASigningCertificateIsNotAnIdentityProvidersMetadata() {
        assertThatThrownBy(() -> METADATA.read("""
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="sp">
                  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
                </md:EntityDescriptor>"""))
                .isInstanceOf(Unusable.class).hasMessageContaining("no IDPSSODescriptor");
        String withoutKey = TestCertificates.metadata("https://idp.northgate.test", SSO, CURRENT)
                .replaceAll("(?s)<md:KeyDescriptor.*?</md:KeyDescriptor>", "");
        assertThatThrownBy(() -> METADATA.read(withoutKey))
                .isInstanceOf(Unusable.class).hasMessageContaining("no signing certificate");
        String garbledKey = TestCertificates.metadata("https://idp.northgate.test", SSO, "bm90IGEgY2VydGlmaWNhdGU=");
        assertThatThrownBy(() -> METADATA.read(garbledKey))
                .isInstanceOf(Unusable.class).hasMessageContaining("not a readable X.509 certificate");
    }

    @Test
    void metadataWithoutAnEntityIdOrAHttpSignOnAddressNamesEachFault() {
        String broken = TestCertificates.metadata("", "javascript:alert(1)", CURRENT);

        assertThatThrownBy(() -> METADATA.read(broken)).isInstanceOf(Unusable.class)
                .hasMessageContaining("no entityID")
                .hasMessageContaining("SingleSignOnService's Location is not an absolute http(s) address");
    }

    @Test
    void metadataBeyondTheSizeLimitIsNotRead() {
        String huge = TestCertificates.metadata("https://idp.northgate.test", SSO, CURRENT)
                .replace("<md:IDPSSODescriptor", "<!--" + "x".repeat(SamlMetadataDocuments.LARGEST) + "--><md:IDPSSODescriptor");

        assertThatThrownBy(() -> METADATA.read(huge)).isInstanceOf(Unusable.class).hasMessageContaining("larger than");
    }

    @Test
    void anUnreachableAddressIsNamedAsSuch() {
        assertThatThrownBy(() -> METADATA.fetch("http://127.0.0.1:9/saml/descriptor"))
                .isInstanceOf(Unusable.class).hasMessageContaining("could not be reached")
                .extracting(e -> ((Unusable) e).field()).isEqualTo("metadataUrl");
    }
}

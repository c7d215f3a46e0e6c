package org.exchange.membership.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * What a SAML 2.0 identity provider's metadata says that Keycloak needs to broker it, checked
 * ({@link SamlMetadataDocuments}).
 *
 * @param entityId the identity provider's entity id, the issuer of its responses
 * @param singleSignOnUrl where people are sent to sign in
 * @param postBinding whether requests go there by HTTP POST (otherwise by redirect)
 * @param singleLogoutUrl where sign-out is sent, or null when the provider has none
 * @param postBindingLogout whether sign-out goes there by HTTP POST
 * @param nameIdFormat the NameID format the platform asks for
 * @param wantAuthnRequestsSigned whether the provider wants the platform's requests signed
 * @param signingCertificates the provider's signing certificates, base64 DER, as Keycloak takes them
 * @param signingCertificateExpiresAt when the first of them expires
 */
public record SamlMetadata(String entityId, String singleSignOnUrl, boolean postBinding, String singleLogoutUrl,
        boolean postBindingLogout, String nameIdFormat, boolean wantAuthnRequestsSigned,
        List<String> signingCertificates, Instant signingCertificateExpiresAt) {

    public SamlMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }
}

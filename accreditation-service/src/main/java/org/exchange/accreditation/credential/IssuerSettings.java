package org.exchange.accreditation.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who issues the platform's credentials, and with which key.
 *
 * @param name the issuer's name on credentials and certificates
 * @param publicBaseUrl where the platform is reached publicly: credential, issuer and key ids are URLs under it
 * @param jwkFile a file holding the issuer's private RSA key as a JWK; when empty, the key is generated once and kept
 *        in the service's database, so it survives restarts
 */
@ConfigurationProperties("exchange.accreditation.issuer")
public record IssuerSettings(String name, String publicBaseUrl, String jwkFile) {

    public IssuerSettings {
        name = name == null || name.isBlank() ? "The Academy, ILM Centre for Practitioner-Led Learning Exchange" : name;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080"
                : publicBaseUrl.replaceAll("/+$", "");
    }

    /** The issuer Profile's id: its public URL. */
    public String issuerId() {
        return publicBaseUrl + "/api/accreditation/issuer";
    }

    public String jwksUrl() {
        return publicBaseUrl + "/api/accreditation/issuer/jwks.json";
    }

    /** A credential's id: the public URL of its status. */
    public String credentialUrl(Object credentialId) {
        return publicBaseUrl + "/api/accreditation/credentials/" + credentialId;
    }
}

package org.exchange.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Partner colleges' own identity providers, each played by a realm the test creates in the platform's Keycloak, with
 * the platform realm's broker endpoint for the provider alias as the only place it sends people back to.
 */
final class CollegeRealms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CollegeRealms() {
    }

    /**
     * The college's own SAML identity provider: a realm with the platform's broker as its SAML client (known by the
     * platform realm's entity id, NameID the username, e-mail and names released under their standard names) and one
     * member, {@code sam} / {@code demo}. It signs with a key of its own making.
     */
    static void saml(Platform platform, String realm, String alias) {
        saml(platform, realm, alias, null);
    }

    /**
     * The college's SAML identity provider, signing with {@code key} when one is given: the same college made again
     * in a new Keycloak signs as before, so that the certificate the platform took from its metadata still holds.
     */
    static void saml(Platform platform, String realm, String alias, SigningKey key) {
        String admin = new MembershipApi(platform).adminToken();
        String keycloak = platform.settings().keycloakUrl();
        Map<String, Object> representation = new java.util.HashMap<>(Map.of(
                "realm", realm, "enabled", true,
                "clients", List.of(Map.of("clientId", keycloak + "/realms/exchange", "protocol", "saml",
                        "enabled", true,
                        "redirectUris", List.of(keycloak + "/realms/exchange/broker/" + alias + "/endpoint*"),
                        // a realm imported with its clients gets none of a new SAML client's defaults: sign the
                        // responses and their assertions, as an identity provider does, and ask for no signed requests
                        "attributes", Map.of("saml.server.signature", "true", "saml.assertion.signature", "true",
                                "saml.signature.algorithm", "RSA_SHA256", "saml.authnstatement", "true",
                                "saml.force.post.binding", "true", "saml.client.signature", "false",
                                "saml_name_id_format", "username", "saml_force_name_id_format", "true"),
                        "protocolMappers", List.of(
                                samlAttribute("email", "urn:oid:0.9.2342.19200300.100.1.3"),
                                samlAttribute("firstName", "urn:oid:2.5.4.42"),
                                samlAttribute("lastName", "urn:oid:2.5.4.4")))),
                "users", List.of(Map.of("id", idOf(realm, "sam"), "username", "sam", "enabled", true,
                        "email", "sam@" + realm + ".test",
                        "emailVerified", true, "firstName", "Sam", "lastName", "Eastgate",
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))))));
        if (key != null) {
            // the realm's RSA key, above the ones Keycloak generates: SAML responses and the metadata use it
            representation.put("components", Map.of("org.keycloak.keys.KeyProvider", List.of(Map.of(
                    "name", "college-signing", "providerId", "rsa",
                    "config", Map.of("priority", List.of("200"), "algorithm", List.of("RS256"),
                            "privateKey", List.of(key.privateKey()), "certificate", List.of(key.certificate()))))));
        }
        HttpResponse<String> created = MembershipApi.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /**
     * An RSA key and its self-signed certificate, base64 (PKCS#8 and DER), as Keycloak's {@code rsa} key provider
     * takes them; made by the JDK's own keytool.
     */
    record SigningKey(String privateKey, String certificate) {

        static SigningKey generate(String subject) {
            try {
                Path store = Files.createTempFile("college-signing-", ".p12");
                Files.delete(store);
                String password = UUID.randomUUID().toString();
                Process keytool = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                        "-alias", "signing", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + subject,
                        "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(),
                        "-storepass", password, "-keypass", password))
                        .redirectErrorStream(true).start();
                String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (keytool.waitFor() != 0) {
                    throw new IllegalStateException("keytool failed: " + output);
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keys.load(in, password.toCharArray());
                }
                Files.delete(store);
                Base64.Encoder base64 = Base64.getEncoder();
                return new SigningKey(base64.encodeToString(keys.getKey("signing", password.toCharArray()).getEncoded()),
                        base64.encodeToString(keys.getCertificate("signing").getEncoded()));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The member's id in the college's realm (their subject there): the same each time the college is made again, as
     * a partner's own identity provider keeps its people's ids whatever happens to the platform's Keycloak.
     */
    static String idOf(String realm, String username) {
        return UUID.nameUUIDFromBytes((realm + "/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, Object> samlAttribute(String property, String name) {
        return Map.of("name", property, "protocol", "saml", "protocolMapper", "saml-user-property-mapper",
                "config", Map.of("user.attribute", property, "attribute.name", name,
                        "attribute.nameformat", "URI Reference"));
    }

    /**
     * The college's own OpenID Connect identity provider: a realm with the platform's broker as its confidential client
     * {@code exchange-broker} (PKCE) and one member, {@code wanda} / {@code demo}.
     */
    static void oidc(Platform platform, String realm, String alias, String secret) {
        String admin = new MembershipApi(platform).adminToken();
        String keycloak = platform.settings().keycloakUrl();
        Map<String, Object> representation = Map.of(
                "realm", realm, "enabled", true,
                "clients", List.of(Map.of("clientId", "exchange-broker", "enabled", true, "publicClient", false,
                        "secret", secret, "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                        "redirectUris", List.of(keycloak + "/realms/exchange/broker/" + alias + "/endpoint*"),
                        "attributes", Map.of("pkce.code.challenge.method", "S256",
                                "frontchannel.logout.url", ""))),
                "users", List.of(Map.of("id", idOf(realm, "wanda"), "username", "wanda", "enabled", true,
                        "email", "wanda@" + realm + ".test",
                        "emailVerified", true, "firstName", "Wanda", "lastName", "Westfield",
                        "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)))));
        HttpResponse<String> created = MembershipApi.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
}

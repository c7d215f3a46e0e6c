package org.exchange.accreditation.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchange.accreditation.support.AccreditationApi.COLLEGE;
import static org.exchange.accreditation.support.AccreditationApi.body;
import static org.exchange.accreditation.support.AccreditationApi.practitioner;
import static org.exchange.accreditation.support.AccreditationApi.programmeAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.exchange.accreditation.support.AccreditationApi.Person;
import org.exchange.accreditation.support.AccreditationIntegrationTest;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.jwa.AlgorithmConstraints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An issued credential verified as anyone would: with an independent JOSE library (jose4j, not our signing code)
 * and the issuer's published JWK set, and against 1EdTech's Open Badges 3.0 JSON schema.
 */
class CredentialVerificationTest extends AccreditationIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    Person holder;
    UUID enrolment;
    String jwt;

    @BeforeEach
    void anAwardedCandidateDownloadsTheirCredential() throws Exception {
        holder = practitioner("Vera", COLLEGE);
        enrolment = api.awarded(holder);
        jwt = body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/credential")
                .with(holder.token())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vc+jwt")));
    }

    @Test
    void anIssuedCredentialVerifiesWithThePublishedKeyAndAnIndependentLibrary() throws Exception {
        JwtClaims claims = verifier().processToClaims(jwt);

        assertThat(claims.getIssuer()).endsWith("/api/accreditation/issuer");
        assertThat(claims.getSubject()).isEqualTo("urn:uuid:" + holder.id());
        assertThat(claims.getJwtId()).endsWith("/api/accreditation/credentials/" + credentialId());
        JsonNode credential = JSON.readTree(claims.getRawJson());
        assertThat(credential.get("type").toString()).contains("OpenBadgeCredential");
        assertThat(credential.get("issuer").get("id").asString()).isEqualTo(claims.getIssuer());
        assertThat(credential.get("id").asString()).isEqualTo(claims.getJwtId());
        assertThat(credential.get("credentialSubject").get("id").asString()).isEqualTo(claims.getSubject());
        assertThat(claims.getNotBefore().getValue() * 1000)
                .isEqualTo(java.time.Instant.parse(credential.get("validFrom").asString()).toEpochMilli());
        JsonNode achievement = credential.get("credentialSubject").get("achievement");
        assertThat(achievement.get("name").asString())
                .isEqualTo("ILM Development Award in Practitioner-Led Learning Exchange");
        assertThat(achievement.get("criteria").get("narrative").asString()).contains("At least 24 hours in all");
        assertThat(achievement.get("alignment").get(0).get("targetFramework").asString())
                .contains("Professional Standards");
    }

    @Test
    void theCredentialIsValidAgainstTheOpenBadgesSchema() throws Exception {
        JsonNode credential = JSON.readTree(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment
                + "/credential.json").with(holder.token())).andExpect(status().isOk())));
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/openbadges/ob_v3p0_achievementcredential_schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        }

        List<Error> errors = schema.validate(credential);

        assertThat(errors).isEmpty();
        assertThat(credential.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/credentials/v2");
        assertThat(credential.get("@context").get(1).asString())
                .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    }

    @Test
    void aCredentialWithOneByteChangedFailsVerification() throws Exception {
        String[] parts = jwt.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String original = new String(payload, StandardCharsets.UTF_8);
        int at = original.indexOf("Development Award") + 1;
        payload[at] = (byte) (payload[at] ^ 0x01);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
                + parts[2];

        assertThat(tampered).isNotEqualTo(jwt);
        assertThatThrownBy(() -> verifier().processToClaims(tampered))
                .isInstanceOf(org.jose4j.jwt.consumer.InvalidJwtException.class);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(tampered);
        jws.setKey(new JsonWebKeySet(jwks()).getJsonWebKeys().getFirst().getKey());
        assertThat(jws.verifySignature()).isFalse();
    }

    @Test
    void theSameCredentialIsReturnedEachTimeAndTheCertificateIsAPdf() throws Exception {
        String again = body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/credential")
                .with(holder.token())));
        assertThat(again).isEqualTo(jwt);

        byte[] pdf = mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/certificate.pdf")
                .with(holder.token())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        mvc.perform(get("/api/accreditation/enrolments/" + enrolment + "/certificate.pdf")
                .with(practitioner("Nosy", COLLEGE).token())).andExpect(status().isForbidden());
    }

    @Test
    void anyoneSeesACredentialsStatusAndARevocation() throws Exception {
        String status = "/api/accreditation/credentials/" + credentialId();
        mvc.perform(get(status)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.holderName").value("Vera Candidate"));
        mvc.perform(get("/api/accreditation/issuer")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type[0]").value("Profile"));

        mvc.perform(post("/api/accreditation/admin/credentials/" + credentialId() + "/revoke")
                .with(programmeAdmin().token()).contentType("application/json")
                .content("{\"reason\":\"Awarded in error\"}")).andExpect(status().isOk());

        mvc.perform(get(status)).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.reason").value("Awarded in error"));
    }

    private String credentialId() throws Exception {
        String id = JSON.readTree(body(mvc.perform(get("/api/accreditation/enrolments/" + enrolment
                + "/credential.json").with(holder.token())))).get("id").asString();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    private String jwks() throws Exception {
        return body(mvc.perform(get("/api/accreditation/issuer/jwks.json")).andExpect(status().isOk()));
    }

    private JwtConsumer verifier() throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks())
                        .getJsonWebKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setRequireSubject()
                .setRequireJwtId()
                .setRequireNotBefore()
                .setSkipDefaultAudienceValidation()
                .build();
    }
}

package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.exchange.membership.support.RealKeycloak;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A programme admin onboards a partner's SAML 2.0 sign-in (issue 18, ADR 0021) against a real Keycloak of this class's
 * own, in which a second realm acts as the college's SAML identity provider (Keycloak publishes its metadata at
 * {@code /realms/{realm}/protocol/saml/descriptor}): Keycloak is configured after the commit with signature validation
 * against the metadata's certificate and the organisation from the platform's data; bad metadata (not XML, an external
 * entity, an expired certificate, an address nobody answers) and a taken alias are refused with problem details and
 * reach Keycloak not at all; the health view shows the certificate's expiry; the reconciliation repairs SAML drift and
 * gives a fresh Keycloak every SAML partner back.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamlPartnerOnboardingTest {

    static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    static final RealKeycloak keycloak = new RealKeycloak("keycloak_saml_onboarding_" + RUN);
    static final String COLLEGE_REALM = "northgate-college";
    static final String ALIAS = "northgate-" + RUN;
    static final String ORGANISATION = "org-northgate-" + RUN;
    static final String PASTED_ALIAS = "southgate-" + RUN;
    static final String PASTED_ORGANISATION = "org-southgate-" + RUN;
    static final String SAML = "/api/membership/admin/partner-sign-ins/saml";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Autowired
    PartnerSignInSync sync;

    Api api;

    @DynamicPropertySource
    static void keycloakOfThisTest(DynamicPropertyRegistry registry) {
        keycloak.serve(registry);
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.stop();
    }

    @BeforeEach
    void api() {
        api = new Api(mvc);
        clock.reset(); // certificates are valid in real time
    }

    @Test
    @Order(1)
    void onboardingByMetadataAddressConfiguresASamlProviderThatValidatesSignaturesWithTheMetadatasCertificate()
            throws Exception {
        samlCollegeRealm();
        try (EventsOnTopic events = new EventsOnTopic(Topics.MEMBERSHIP)) {
            onboard(ORGANISATION, "Northgate College", ALIAS, "\"metadataUrl\":\"" + descriptor() + "\"")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.protocol").value("SAML"))
                    .andExpect(jsonPath("$.metadataUrl").value(descriptor()))
                    .andExpect(jsonPath("$.saml.entityId").value(keycloak.baseUrl() + "/realms/" + COLLEGE_REALM))
                    .andExpect(jsonPath("$.saml.signingCertificates[0]").value(collegeCertificate()))
                    .andExpect(jsonPath("$.usernameTemplate").value("${ALIAS}.${NAMEID}"));

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mappers(ALIAS).size() == 6);
            IdentityProviderRepresentation provider = provider(ALIAS);
            assertThat(provider.getProviderId()).isEqualTo("saml");
            assertThat(provider.getConfig())
                    .containsEntry("idpEntityId", keycloak.baseUrl() + "/realms/" + COLLEGE_REALM)
                    .containsEntry("singleSignOnServiceUrl", keycloak.baseUrl() + "/realms/" + COLLEGE_REALM
                            + "/protocol/saml")
                    .containsEntry("validateSignature", "true")
                    .containsEntry("signingCertificate", collegeCertificate())
                    .containsEntry("postBindingResponse", "true");
            assertThat(mapper(ALIAS, "organisation").getConfig()).as("the organisation, from the platform's data")
                    .containsEntry("attribute", "organisation").containsEntry("attribute.value", ORGANISATION);
            assertThat(mapper(ALIAS, "username").getIdentityProviderMapper()).isEqualTo("saml-username-idp-mapper");
            assertThat(mapper(ALIAS, "username").getConfig()).as("usernames never clash between providers")
                    .containsEntry("template", "${ALIAS}.${NAMEID}");
            assertThat(mapper(ALIAS, "practitioner role").getConfig()).containsEntry("role", "practitioner");
            assertThat(mapper(ALIAS, "email").getConfig())
                    .containsEntry("attribute.name", "urn:oid:0.9.2342.19200300.100.1.3");

            EventsOnTopic.Event event = events.awaitOne("membership.PartnerSignInOnboarded.v1", ORGANISATION);
            assertThat(event.payload()).contains("\"protocol\":\"SAML\"")
                    .contains("\"discoveryUrl\":\"" + descriptor() + "\"")
                    .contains("\"issuer\":\"" + keycloak.baseUrl() + "/realms/" + COLLEGE_REALM + "\"");
        }
        api.get("/api/membership/organisations/by-identity-provider/" + ALIAS, Tokens.programmeAdmin())
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(ORGANISATION));
    }

    @Test
    @Order(2)
    void pastedMetadataOnboardsAnExistingOrganisationAndItsCertificateExpiringSoonIsAWarning() throws Exception {
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"%s","name":"Southgate Training %s","type":"WORK_BASED_LEARNING"}""".formatted(PASTED_ORGANISATION,
                RUN)).andExpect(status().isCreated());
        String soon = TestCertificates.selfSigned("idp.southgate.test", LocalDate.now().minusDays(300), 310);
        String metadata = TestCertificates.metadata("https://idp.southgate.test/" + RUN,
                "https://idp.southgate.test/sso", soon);

        onboard(PASTED_ORGANISATION, null, PASTED_ALIAS, "\"metadataXml\":" + json(metadata))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.metadataUrl").doesNotExist());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> mappers(PASTED_ALIAS).size() == 6);
        assertThat(provider(PASTED_ALIAS).getConfig()).containsEntry("signingCertificate", soon);
        api.get("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.alias == '%s')].protocol".formatted(ALIAS)).value("SAML"))
                .andExpect(jsonPath("$[?(@.alias == '%s')].metadataReachable".formatted(ALIAS)).value(true))
                .andExpect(jsonPath("$[?(@.alias == '%s')].signingCertificateExpiresAt".formatted(ALIAS)).isNotEmpty())
                .andExpect(jsonPath("$[?(@.alias == '%s')].signingCertificateExpiresSoon".formatted(ALIAS))
                        .value(false))
                .andExpect(jsonPath("$[?(@.alias == '%s')].appliedInKeycloak".formatted(ALIAS)).value(true))
                .andExpect(jsonPath("$[?(@.alias == '%s')].signingCertificateExpiresSoon".formatted(PASTED_ALIAS))
                        .value(true))
                .andExpect(jsonPath("$[?(@.alias == '%s')].metadataReachable".formatted(PASTED_ALIAS))
                        .doesNotExist());
    }

    @Test
    @Order(3)
    void badMetadataAndATakenAliasAreRefusedWithProblemDetailsAndNothingReachesKeycloak() throws Exception {
        String expired = TestCertificates.selfSigned("idp.expired.test", LocalDate.of(2024, 1, 1), 365);
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE md:EntityDescriptor [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&secret;"/>""";

        refused(onboard("org-invalid-" + RUN, "Invalid", "invalid-" + RUN, "\"metadataXml\":\"<md:EntityDescriptor\""),
                422, "metadataXml", "not well-formed XML");
        refused(onboard("org-xxe-" + RUN, "Xxe", "xxe-" + RUN, "\"metadataXml\":" + json(xxe)),
                422, "metadataXml", "DOCTYPE");
        refused(onboard("org-expired-" + RUN, "Expired", "expired-" + RUN, "\"metadataXml\":" + json(TestCertificates
                .metadata("https://idp.expired.test", "https://idp.expired.test/sso", expired))),
                422, "metadataXml", "expired on 2024-12-31");
        refused(onboard("org-unreachable-" + RUN, "Unreachable", "unreachable-" + RUN,
                "\"metadataUrl\":\"http://127.0.0.1:9/realms/x/protocol/saml/descriptor\""),
                422, "metadataUrl", "could not be reached");
        refused(onboard("org-taken-" + RUN, "Taken", ALIAS, "\"metadataUrl\":\"" + descriptor() + "\""),
                409, null, "alias");
        refused(onboard("org-both-" + RUN, "Both", "both-" + RUN, "\"metadataUrl\":\"" + descriptor()
                + "\",\"metadataXml\":\"<x/>\""), 400, "metadataXml", "one of the two");
        refused(onboard("org-neither-" + RUN, "Neither", "neither-" + RUN, "\"metadataUrl\":null"), 400,
                "metadataUrl", "one of the two");
        api.post(SAML, Tokens.orgAdmin(ORGANISATION), body("org-six-" + RUN, "Six", "six-" + RUN,
                "\"metadataUrl\":\"" + descriptor() + "\"")).andExpect(status().isForbidden());

        for (String alias : List.of("invalid-", "xxe-", "expired-", "unreachable-", "both-", "neither-", "six-")) {
            assertThat(provider(alias + RUN)).as(alias).isNull();
        }
        api.get("/api/membership/organisations/org-expired-" + RUN, Tokens.programmeAdmin())
                .andExpect(status().isNotFound());
        assertThat(mapper(ALIAS, "organisation").getConfig()).containsEntry("attribute.value", ORGANISATION);
    }

    @Test
    @Order(4)
    void aSamlProviderChangedBehindThePlatformsBackIsReportedAndRepaired() throws Exception {
        keycloak.asAdministrator(realm -> {
            var provider = realm.identityProviders().get(ALIAS);
            IdentityProviderRepresentation changed = provider.toRepresentation();
            changed.getConfig().put("validateSignature", "false");
            provider.update(changed);
            provider.delete(mapper(ALIAS, "username").getId());
            return null;
        });

        api.post("/api/membership/admin/partner-sign-ins/reconciliation", Tokens.programmeAdmin(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repaired[?(@.alias == '%s')].kind".formatted(ALIAS))
                        .value(org.hamcrest.Matchers.containsInAnyOrder("PROVIDER_WRONG", "MAPPER_MISSING")))
                .andExpect(jsonPath("$.drifts[?(@.alias == '%s' && @.kind == 'PROVIDER_WRONG')].detail"
                        .formatted(ALIAS)).value(org.hamcrest.Matchers.hasItem(containsString("validateSignature"))));

        assertThat(provider(ALIAS).getConfig()).containsEntry("validateSignature", "true");
        assertThat(mapper(ALIAS, "username").getConfig()).containsEntry("template", "${ALIAS}.${NAMEID}");
    }

    @Test
    @Order(5)
    void aFreshKeycloakGetsTheSamlPartnersBackWithTheirCertificates() {
        String certificate = provider(PASTED_ALIAS).getConfig().get("signingCertificate");
        keycloak.startFresh("keycloak_saml_onboarding_fresh_" + RUN);
        assertThat(provider(ALIAS)).as("a fresh Keycloak has only the imported realm").isNull();

        sync.reconcileOnStart();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> mappers(ALIAS).size() == 6 && mappers(PASTED_ALIAS).size() == 6);
        assertThat(provider(PASTED_ALIAS).getConfig()).containsEntry("signingCertificate", certificate)
                .containsEntry("validateSignature", "true");
        assertThat(mapper(ALIAS, "organisation").getConfig()).containsEntry("attribute.value", ORGANISATION);
    }

    private ResultActions onboard(String organisation, String newName, String alias, String metadata)
            throws Exception {
        return api.post(SAML, Tokens.programmeAdmin(), body(organisation, newName, alias, metadata));
    }

    private void refused(ResultActions answer, int status, String field, String detail) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));
        if (field != null) {
            answer.andExpect(jsonPath("$.errors[0].field").value(field));
        }
    }

    private static String body(String organisation, String newName, String alias, String metadata) {
        String newOrganisation = newName == null ? "null"
                : "{\"name\":\"" + newName + " " + RUN + "\",\"type\":\"COLLEGE\"}";
        return """
                {"organisationId":"%s","newOrganisation":%s,"alias":"%s",%s}"""
                .formatted(organisation, newOrganisation, alias, metadata);
    }

    private static String json(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    private static String descriptor() {
        return keycloak.baseUrl() + "/realms/" + COLLEGE_REALM + "/protocol/saml/descriptor";
    }

    /** The college realm's signing certificate, as its own metadata publishes it. */
    private static String collegeCertificate() throws IOException, InterruptedException {
        HttpResponse<String> metadata = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(descriptor()))
                .build(), HttpResponse.BodyHandlers.ofString());
        var matcher = java.util.regex.Pattern.compile("<ds:X509Certificate>([^<]+)</ds:X509Certificate>")
                .matcher(metadata.body());
        assertThat(matcher.find()).as(metadata.body()).isTrue();
        return matcher.group(1).strip();
    }

    /** The college's own SAML identity provider: a realm with the platform's broker as its SAML client. */
    private static void samlCollegeRealm() {
        keycloak.asKeycloakAdministrator(admin -> {
            RealmRepresentation realm = new RealmRepresentation();
            realm.setRealm(COLLEGE_REALM);
            realm.setEnabled(true);
            ClientRepresentation broker = new ClientRepresentation();
            broker.setClientId(keycloak.baseUrl() + "/realms/" + RealKeycloak.REALM);
            broker.setProtocol("saml");
            broker.setRedirectUris(List.of(keycloak.baseUrl() + "/realms/exchange/broker/*"));
            broker.setAttributes(Map.of("saml.client.signature", "false", "saml_name_id_format", "username",
                    "saml_force_name_id_format", "true"));
            broker.setProtocolMappers(List.of(attribute("email", "urn:oid:0.9.2342.19200300.100.1.3")));
            realm.setClients(List.of(broker));
            admin.realms().create(realm);
            return null;
        });
    }

    private static ProtocolMapperRepresentation attribute(String property, String name) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(property);
        mapper.setProtocol("saml");
        mapper.setProtocolMapper("saml-user-property-mapper");
        mapper.setConfig(Map.of("user.attribute", property, "attribute.name", name,
                "attribute.nameformat", "URI Reference"));
        return mapper;
    }

    private static IdentityProviderRepresentation provider(String alias) {
        return ProvidersInRealm.provider(keycloak, alias);
    }

    private static List<IdentityProviderMapperRepresentation> mappers(String alias) {
        return ProvidersInRealm.mappers(keycloak, alias);
    }

    private static IdentityProviderMapperRepresentation mapper(String alias, String name) {
        return ProvidersInRealm.mapper(keycloak, alias, name);
    }
}

package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.PartnerRealm;
import org.exchange.membership.support.RealKeycloak;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A programme admin onboards a partner's OpenID Connect sign-in (issue 18, ADR 0021), against a real Keycloak of this
 * class's own in which a second realm plays the college's identity provider: Keycloak is configured after the commit
 * with the organisation from the platform's data and a username template per provider; bad input is refused with
 * problem details and leaves Keycloak untouched; a mapper deleted behind the platform's back is reported and
 * repaired; a fresh Keycloak gets every onboarded partner back.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class PartnerOnboardingTest {

    /** Tests share the service's database with earlier runs: every name of this run is its own. */
    static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    static final RealKeycloak keycloak = new RealKeycloak("keycloak_onboarding_" + RUN);
    static final String COLLEGE_REALM = "eastfield-college";
    static final String ALIAS = "eastfield-" + RUN;
    static final String ORGANISATION = "org-eastfield-" + RUN;
    static final String SECRET = "eastfield-broker-secret-" + RUN;

    @Autowired
    MockMvc mvc;

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
    }

    @Test
    @Order(1)
    void onboardingANewCollegeConfiguresKeycloakAfterCommitWithTheOrganisationFromThePlatform(CapturedOutput output)
            throws Exception {
        collegeRealm();
        try (EventsOnTopic events = new EventsOnTopic(Topics.MEMBERSHIP)) {
            String answer = api.post("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin(), """
                    {"organisationId":"%s","newOrganisation":{"name":"Eastfield College %s","type":"COLLEGE",
                     "region":"East Midlands"},"alias":"%s","discoveryUrl":"%s","clientId":"exchange-broker",
                     "clientSecret":"%s"}""".formatted(ORGANISATION, RUN, ALIAS, discovery(COLLEGE_REALM), SECRET))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.alias").value(ALIAS))
                    .andExpect(jsonPath("$.organisationId").value(ORGANISATION))
                    .andExpect(jsonPath("$.endpoints.issuer").value(keycloak.baseUrl() + "/realms/" + COLLEGE_REALM))
                    .andReturn().getResponse().getContentAsString();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mappers(ALIAS).size() == 3);
            IdentityProviderRepresentation provider = provider(ALIAS);
            assertThat(provider.getConfig()).containsEntry("clientId", "exchange-broker")
                    .containsEntry("tokenUrl", keycloak.baseUrl() + "/realms/" + COLLEGE_REALM
                            + "/protocol/openid-connect/token");
            assertThat(mapper(ALIAS, "organisation").getConfig()).as("the organisation, from the platform's data")
                    .containsEntry("attribute", "organisation").containsEntry("attribute.value", ORGANISATION);
            assertThat(mapper(ALIAS, "username").getConfig()).as("usernames never clash between providers")
                    .containsEntry("template", "${ALIAS}.${CLAIM.preferred_username}");
            assertThat(mapper(ALIAS, "practitioner role").getConfig()).containsEntry("role", "practitioner");

            EventsOnTopic.Event event = events.awaitOne("membership.PartnerSignInOnboarded.v1", ORGANISATION);
            assertThat(event.payload()).contains("\"identityProviderAlias\":\"" + ALIAS + "\"").doesNotContain(SECRET);
            assertThat(answer).as("the API's answer").doesNotContain(SECRET);
        }
        api.get("/api/membership/organisations/by-identity-provider/" + ALIAS, Tokens.programmeAdmin())
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(ORGANISATION));
        assertThat(output.getAll()).as("the service's log").doesNotContain(SECRET);
    }

    @Test
    @Order(2)
    void anExistingOrganisationIsOnboardedWithoutRegisteringItAgain() throws Exception {
        String organisation = "org-northgate-" + RUN;
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"%s","name":"Northgate Training %s","type":"WORK_BASED_LEARNING"}""".formatted(organisation, RUN))
                .andExpect(status().isCreated());

        onboard(organisation, null, "northgate-" + RUN, discovery(COLLEGE_REALM)).andExpect(status().isCreated());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> mappers("northgate-" + RUN).size() == 3);
        assertThat(mapper("northgate-" + RUN, "organisation").getConfig())
                .containsEntry("attribute.value", organisation);
    }

    @Test
    @Order(3)
    void badInputIsRefusedWithProblemDetailsAndNothingReachesKeycloak() throws Exception {
        String unreachable = "unreachable-" + RUN;
        onboard("org-one-" + RUN, "One", unreachable, "http://127.0.0.1:9/.well-known/openid-configuration")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("could not be reached")));
        onboard("org-two-" + RUN, "Two", "invalid-" + RUN, keycloak.baseUrl() + "/realms/" + COLLEGE_REALM)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("authorization_endpoint is missing")));
        onboard("org-nowhere-" + RUN, null, "nowhere-" + RUN, discovery(COLLEGE_REALM))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        onboard("org-three-" + RUN, "Three", ALIAS, discovery(COLLEGE_REALM))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("alias")));
        onboard(ORGANISATION, "Again", "again-" + RUN, discovery(COLLEGE_REALM)).andExpect(status().isConflict());
        onboard(ORGANISATION, null, "second-" + RUN, discovery(COLLEGE_REALM)).andExpect(status().isConflict());
        api.post("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin(), """
                {"organisationId":"org-four-%s","alias":"four-%s","discoveryUrl":"ftp://x","clientId":"c"}"""
                .formatted(RUN, RUN)).andExpect(status().isBadRequest());
        api.post("/api/membership/admin/partner-sign-ins", Tokens.practitioner(java.util.UUID.randomUUID()),
                body("org-six-" + RUN, "Six", "six-" + RUN, discovery(COLLEGE_REALM)))
                .andExpect(status().isForbidden());
        api.post("/api/membership/admin/partner-sign-ins", Tokens.orgAdmin(ORGANISATION), body("org-six-" + RUN,
                "Six", "six-" + RUN, discovery(COLLEGE_REALM))).andExpect(status().isForbidden());

        assertThat(provider(unreachable)).isNull();
        assertThat(provider("invalid-" + RUN)).isNull();
        assertThat(provider("six-" + RUN)).isNull();
        assertThat(mapper(ALIAS, "organisation").getConfig()).containsEntry("attribute.value", ORGANISATION);
    }

    @Test
    @Order(4)
    void aMapperDeletedBehindThePlatformsBackIsReportedAndRepaired() throws Exception {
        String deleted = mapper(ALIAS, "organisation").getId();
        keycloak.asAdministrator(realm -> {
            realm.identityProviders().get(ALIAS).delete(deleted);
            return null;
        });
        String handMade = "hand-made-" + RUN;
        handMadeProviderNaming(handMade, "org-misspelt-" + RUN);

        api.post("/api/membership/admin/partner-sign-ins/reconciliation", Tokens.programmeAdmin(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keycloakReachable").value(true))
                .andExpect(jsonPath("$.drifts[?(@.alias == '%s')].kind".formatted(ALIAS)).value("MAPPER_MISSING"))
                .andExpect(jsonPath("$.repaired[?(@.alias == '%s')].kind".formatted(ALIAS)).value("MAPPER_MISSING"))
                .andExpect(jsonPath("$.drifts[?(@.alias == '%s')].kind".formatted(handMade))
                        .value("UNKNOWN_ORGANISATION"))
                .andExpect(jsonPath("$.notOnboardedHere").value(org.hamcrest.Matchers.hasItem(handMade)));

        assertThat(mapper(ALIAS, "organisation").getConfig()).containsEntry("attribute.value", ORGANISATION);
        api.get("/api/membership/admin/partner-sign-ins/reconciliation", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repaired[?(@.alias == '%s')].kind".formatted(ALIAS)).value("MAPPER_MISSING"));
        api.get("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.alias == '%s')].discoveryReachable".formatted(ALIAS)).value(true))
                .andExpect(jsonPath("$[?(@.alias == '%s')].appliedInKeycloak".formatted(ALIAS)).value(true))
                .andExpect(jsonPath("$[?(@.alias == '%s')].staffCount".formatted(ALIAS)).value(0))
                .andExpect(jsonPath("$[?(@.alias == '%s')].lastReconcileResult".formatted(ALIAS))
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("repaired"))));
        api.get("/api/membership/admin/partner-sign-ins", Tokens.orgAdmin(ORGANISATION))
                .andExpect(status().isForbidden());
    }

    @Test
    @Order(5)
    void aFreshKeycloakGetsEveryOnboardedPartnerBackAtStart() {
        keycloak.startFresh("keycloak_onboarding_fresh_" + RUN);
        assertThat(provider(ALIAS)).as("a fresh Keycloak has only the imported realm").isNull();

        sync.reconcileOnStart();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> mappers(ALIAS).size() == 3 && mappers("northgate-" + RUN).size() == 3);
        assertThat(mapper(ALIAS, "organisation").getConfig()).containsEntry("attribute.value", ORGANISATION);
    }

    private org.springframework.test.web.servlet.ResultActions onboard(String organisation, String newName,
            String alias, String discoveryUrl) throws Exception {
        return api.post("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin(),
                body(organisation, newName, alias, discoveryUrl));
    }

    private static String body(String organisation, String newName, String alias, String discoveryUrl) {
        String newOrganisation = newName == null ? "null"
                : "{\"name\":\"" + newName + " " + RUN + "\",\"type\":\"COLLEGE\"}";
        return """
                {"organisationId":"%s","newOrganisation":%s,"alias":"%s","discoveryUrl":"%s",
                 "clientId":"exchange-broker","clientSecret":"%s"}"""
                .formatted(organisation, newOrganisation, alias, discoveryUrl, SECRET);
    }

    private static String discovery(String realm) {
        return keycloak.baseUrl() + "/realms/" + realm + "/.well-known/openid-configuration";
    }

    /** The college's own identity provider: a realm of the same Keycloak, with the platform as its client. */
    private static void collegeRealm() {
        PartnerRealm.create(keycloak, COLLEGE_REALM, SECRET);
    }

    private static void handMadeProviderNaming(String alias, String organisation) {
        keycloak.asAdministrator(realm -> {
            IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
            provider.setAlias(alias);
            provider.setProviderId("oidc");
            provider.setEnabled(true);
            provider.setConfig(Map.of("clientId", "hand", "clientSecret", "hand",
                    "authorizationUrl", "http://127.0.0.1:9/auth", "tokenUrl", "http://127.0.0.1:9/token"));
            try (Response created = realm.identityProviders().create(provider)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
            mapper.setName("organisation typed by hand");
            mapper.setIdentityProviderAlias(alias);
            mapper.setIdentityProviderMapper("hardcoded-attribute-idp-mapper");
            mapper.setConfig(Map.of("syncMode", "FORCE", "attribute", "organisation", "attribute.value",
                    organisation));
            try (Response created = realm.identityProviders().get(alias).addMapper(mapper)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            return null;
        });
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

package org.exchange.membership.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A person's organisation comes from the identity provider or an org-admin's confirmation, never from them alone. */
@MembershipIntegrationTest
class OrganisationFromIdentityTest {

    static final String WESTMID = "org-westmid-college";
    static final String PARTNER = "org-partner-college";

    @Autowired
    MockMvc mvc;

    Api api;
    EventsOnTopic events;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        events = new EventsOnTopic(Topics.MEMBERSHIP);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void aPersonsOwnProfileNamesTheirOrganisation() throws Exception {
        api.get("/api/membership/me", Tokens.practitioner(UUID.randomUUID()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value(WESTMID))
                .andExpect(jsonPath("$.organisationName").value("Westmid College"));
        api.get("/api/membership/me", withoutOrganisation(UUID.randomUUID()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationName").doesNotExist());
    }

    @Test
    void aPractitionerCannotPutThemselvesIntoAnotherOrganisationsStaff() throws Exception {
        UUID pat = UUID.randomUUID();

        profile(Tokens.practitioner(pat), "\"organisationId\":\"" + PARTNER + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value(WESTMID));
        profile(Tokens.practitioner(pat), "\"requestedOrganisationId\":\"" + PARTNER + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        api.get("/api/membership/organisations/" + PARTNER + "/staff", Tokens.orgAdmin(PARTNER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.practitionerId == '" + pat + "')]").isEmpty());
        api.get("/api/membership/organisations/" + PARTNER + "/staff-requests", Tokens.orgAdmin(PARTNER))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + pat + "')]").isEmpty());
        api.get("/api/membership/organisations/" + WESTMID + "/staff", Tokens.orgAdmin(WESTMID))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + pat + "')]").isNotEmpty());
    }

    @Test
    void aPersonWithNoOrganisationInTheirTokenJoinsOneOnlyWhenItsOrgAdminConfirms() throws Exception {
        UUID sam = UUID.randomUUID();
        JwtRequestPostProcessor samsToken = withoutOrganisation(sam);

        profile(samsToken, "\"requestedOrganisationId\":\"" + PARTNER + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").doesNotExist())
                .andExpect(jsonPath("$.requestedOrganisationId").value(PARTNER));
        api.get("/api/membership/organisations/" + PARTNER + "/staff", Tokens.orgAdmin(PARTNER))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + sam + "')]").isEmpty());

        api.get("/api/membership/organisations/" + PARTNER + "/staff-requests", Tokens.orgAdmin(WESTMID))
                .andExpect(status().isForbidden());
        api.post("/api/membership/organisations/" + PARTNER + "/staff-requests/" + sam + "/confirm",
                Tokens.orgAdmin(WESTMID), "").andExpect(status().isForbidden());
        api.post("/api/membership/organisations/" + WESTMID + "/staff-requests/" + sam + "/confirm",
                Tokens.orgAdmin(WESTMID), "").andExpect(status().isNotFound());
        api.get("/api/membership/organisations/" + PARTNER + "/staff-requests", Tokens.orgAdmin(PARTNER))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + sam + "')].email")
                        .value(org.hamcrest.Matchers.hasItem("p-" + sam + "@college.test")));

        api.post("/api/membership/organisations/" + PARTNER + "/staff-requests/" + sam + "/confirm",
                Tokens.orgAdmin(PARTNER), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisationId").value(PARTNER));

        api.get("/api/membership/organisations/" + PARTNER + "/staff", Tokens.orgAdmin(PARTNER))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + sam + "')]").isNotEmpty());
        api.get("/api/membership/organisations/" + PARTNER + "/staff-requests", Tokens.orgAdmin(PARTNER))
                .andExpect(jsonPath("$[?(@.practitionerId == '" + sam + "')]").isEmpty());
        assertThat(events.await("membership.PractitionerProfileUpdated.v1", sam.toString(), 2))
                .anySatisfy(event -> assertThat(event.payload()).contains("\"organisationId\":\"" + PARTNER + "\""));
    }

    @Test
    void anOrgAdminDeclinesARequestAndThePersonStaysOutOfTheirStaff() throws Exception {
        UUID kim = UUID.randomUUID();
        profile(withoutOrganisation(kim), "\"requestedOrganisationId\":\"" + PARTNER + "\"").andExpect(status().isOk());

        api.perform(delete("/api/membership/organisations/" + PARTNER + "/staff-requests/" + kim)
                .with(Tokens.orgAdmin(PARTNER))).andExpect(status().isNoContent());

        api.get("/api/membership/me", withoutOrganisation(kim))
                .andExpect(jsonPath("$.organisationId").doesNotExist())
                .andExpect(jsonPath("$.requestedOrganisationId").doesNotExist());
    }

    @Test
    void theOrganisationTheIdentityProviderVouchesForWinsOverWhatWasRecordedBefore() throws Exception {
        UUID lee = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(lee)).andExpect(jsonPath("$.organisationId").value(WESTMID));

        api.get("/api/membership/me", Tokens.token(lee, PARTNER, "practitioner"))
                .andExpect(jsonPath("$.organisationId").value(PARTNER));
    }

    private ResultActions profile(JwtRequestPostProcessor who, String organisationField) throws Exception {
        return api.perform(put("/api/membership/me/profile").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"jobRole":"Lecturer","region":"West Midlands","newsletterConsent":false,
                         "nameOnOutcomesConsent":false,%s}""".formatted(organisationField)));
    }

    private static JwtRequestPostProcessor withoutOrganisation(UUID subject) {
        return jwt().jwt(token -> token.subject(subject.toString())
                .claim("email", "p-" + subject + "@college.test")
                .claim("given_name", "Sam")
                .claim("family_name", "Jones")
                .claim("realm_access", Map.of("roles", List.of("practitioner"))));
    }
}

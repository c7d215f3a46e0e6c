package org.exchange.membership.organisation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * "Sign in with your organisation" (issue 18): a programme admin records the e-mail domains of an organisation's staff;
 * anyone typing a work address is told its organisation's identity provider, from the domain alone.
 */
@MembershipIntegrationTest
class SignInWithYourOrganisationTest {

    @Autowired
    MockMvc mvc;

    Api api;
    String run;
    String organisation;
    String alias;
    String domain;

    @BeforeEach
    void aCollegeThatSignsInThroughItsOwnProvider() throws Exception {
        api = new Api(mvc);
        run = UUID.randomUUID().toString().substring(0, 8);
        organisation = "org-domain-" + run;
        alias = "domain-" + run;
        domain = "college-" + run + ".ac.uk";
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"%s","name":"Domain College %s","type":"COLLEGE","identityProviderAlias":"%s"}"""
                .formatted(organisation, run, alias)).andExpect(status().isCreated());
    }

    @Test
    void aWorkAddressAtTheCollegesDomainLeadsToItsProvider() throws Exception {
        domains(organisation, Tokens.programmeAdmin(), "[\"@" + domain.toUpperCase() + "\"]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domains[0]").value(domain));

        mvc.perform(get("/api/membership/sign-in/provider").param("email", "Someone.Nobody@" + domain.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alias").value(alias))
                .andExpect(jsonPath("$.organisationName").value("Domain College " + run));
        api.get("/api/membership/organisations/" + organisation + "/email-domains", Tokens.orgAdmin(organisation))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.domains[0]").value(domain));
    }

    @Test
    void anAddressAtAnyOtherDomainIsNotFoundWhoeverHasIt() throws Exception {
        mvc.perform(get("/api/membership/sign-in/provider").param("email", "someone@elsewhere-" + run + ".test"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/membership/sign-in/provider").param("email", "not an address"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyAProgrammeAdminRecordsDomainsAndADomainBelongsToOneOrganisation() throws Exception {
        domains(organisation, Tokens.orgAdmin(organisation), "[\"" + domain + "\"]").andExpect(status().isForbidden());
        domains(organisation, Tokens.programmeAdmin(), "[\"" + domain + "\"]").andExpect(status().isOk());
        domains("org-westmid-college", Tokens.programmeAdmin(), "[\"" + domain + "\"]")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(domain)));
        domains(organisation, Tokens.programmeAdmin(), "[\"not a domain\"]").andExpect(status().isBadRequest());
        api.get("/api/membership/organisations/" + organisation + "/email-domains",
                Tokens.orgAdmin("org-westmid-college")).andExpect(status().isForbidden());
    }

    private ResultActions domains(String organisationId, JwtRequestPostProcessor who, String domains)
            throws Exception {
        return mvc.perform(put("/api/membership/organisations/" + organisationId + "/email-domains").with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"domains\":" + domains + "}"));
    }
}

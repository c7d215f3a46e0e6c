package org.exchange.membership.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.contracts.Topics;
import org.exchange.membership.organisation.OrganisationService;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo programme's people and organisations belong to membership, which seeds them (V16_1) and announces them at
 * start-up, so that exchange-service's demo programme, the staff pages and every other context name them alike.
 */
@MembershipIntegrationTest
class DemoProgrammePeopleTest {

    static final UUID PRIYA = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID BEN = UUID.fromString("00000000-0000-4000-8000-0000000000a2");
    static final UUID ESI = UUID.fromString("00000000-0000-4000-8000-0000000000a5");

    @Autowired
    MockMvc mvc;

    @Autowired
    PractitionerService practitioners;

    @Autowired
    OrganisationService organisations;

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
    void theDemoProgrammesOrganisationsAreRegisteredAndAnnouncedOnceAtStartUp() {
        assertThat(events.awaitOne("membership.OrganisationRegistered.v1", "org-wmcett").payload())
                .contains("\"name\":\"WMCETT\"");
        assertThat(events.awaitOne("membership.OrganisationRegistered.v1", "org-black-country-wbl").payload())
                .contains("\"name\":\"Black Country Training\"").contains("\"type\":\"WORK_BASED_LEARNING\"");
        assertThat(events.awaitOne("membership.OrganisationRegistered.v1", "org-brum-acl").payload())
                .contains("\"name\":\"Birmingham Adult Learning\"").contains("\"type\":\"ADULT_COMMUNITY_LEARNING\"");

        assertThat(organisations.announcePending()).isZero();
    }

    @Test
    void theDemoProgrammesPeopleAreRegisteredAndAnnouncedOnceAtStartUp() {
        assertThat(events.awaitOne("membership.PractitionerRegistered.v1", BEN.toString()).payload())
                .contains("\"givenName\":\"Ben\"").contains("\"familyName\":\"Practitioner\"")
                .contains("\"organisationId\":\"org-westmid-college\"");
        assertThat(events.awaitOne("membership.PractitionerRegistered.v1", ESI.toString()).payload())
                .contains("\"givenName\":\"Esi\"").contains("\"organisationId\":\"org-brum-acl\"");

        assertThat(practitioners.announcePending()).isZero();
    }

    @Test
    void theDemoPractitionerSigningInIsTheSeededPersonAndIsNotRegisteredAgain() throws Exception {
        api.get("/api/membership/me", Tokens.practitioner(PRIYA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("Priya"))
                .andExpect(jsonPath("$.email").value("practitioner@demo.exchange.test"));

        assertThat(events.await("membership.PractitionerRegistered.v1", PRIYA.toString(), 1)).hasSize(1);
    }

    @Test
    void theDemoColleaguesAreOnTheirOrganisationsStaffPage() throws Exception {
        api.get("/api/membership/organisations/org-westmid-college/staff", Tokens.orgAdmin("org-westmid-college"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.practitionerId == '" + BEN + "')].givenName").value("Ben"));
        api.get("/api/membership/organisations/org-brum-acl/staff", Tokens.orgAdmin("org-brum-acl"))
                .andExpect(jsonPath("$[*].givenName").value(containsInAnyOrder("Esi", "Finn")));
    }
}

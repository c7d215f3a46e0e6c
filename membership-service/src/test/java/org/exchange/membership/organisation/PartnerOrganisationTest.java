package org.exchange.membership.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.MutableClock;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@MembershipIntegrationTest
class PartnerOrganisationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrganisationService organisations;

    @Autowired
    MutableClock clock;

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
    void theSeededDemoOrganisationsAreAnnouncedOnceAtStartUp() {
        assertThat(events.awaitOne("membership.OrganisationRegistered.v1", "org-partner-college").payload())
                .contains("\"identityProviderAlias\":\"partner-college\"")
                .contains("\"type\":\"COLLEGE\"")
                .contains("\"region\":\"West Midlands\"");
        events.awaitOne("membership.OrganisationRegistered.v1", "org-westmid-college");
        events.awaitOne("membership.OrganisationRegistered.v1", "org-academy");

        assertThat(organisations.announcePending()).isZero();
    }

    @Test
    void theDemoProgrammesVenueIsWestmidCollegesAndIsAnnouncedOnceAtStartUp() throws Exception {
        String venue = "00000000-0000-4000-8000-00000000ee01";
        assertThat(events.awaitOne("membership.VenueOffered.v1", venue).payload())
                .contains("\"organisationId\":\"org-westmid-college\"")
                .contains("\"name\":\"Westmid College, Hall Green campus\"");
        api.get("/api/membership/organisations/org-westmid-college", Tokens.orgAdmin("org-westmid-college"))
                .andExpect(jsonPath("$.venues[?(@.id == '" + venue + "')].withdrawn").value(false));

        assertThat(organisations.announcePending()).isZero();
    }

    @Test
    void aBrokeredSignInsIdentityProviderAliasResolvesToItsOrganisation() throws Exception {
        api.get("/api/membership/organisations/by-identity-provider/partner-college", Tokens.programmeAdmin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("org-partner-college"))
                .andExpect(jsonPath("$.name").value("Partner College"));
        api.get("/api/membership/organisations/by-identity-provider/nobody", Tokens.programmeAdmin())
                .andExpect(status().isNotFound());
    }

    @Test
    void aProgrammeAdminRegistersAnOrganisationWhichIsAnnounced() throws Exception {
        String id = "org-test-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"%s","name":"Birchfield Adult Learning","type":"ADULT_COMMUNITY_LEARNING",
                 "region":"West Midlands","identityProviderAlias":"%s",
                 "contacts":[{"name":"Mo Patel","role":"Curriculum lead","email":"mo@birchfield.test"}]}"""
                .formatted(id, id.substring(4)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(id));

        assertThat(events.awaitOne("membership.OrganisationRegistered.v1", id).payload())
                .contains("\"name\":\"Birchfield Adult Learning\"")
                .contains("\"type\":\"ADULT_COMMUNITY_LEARNING\"");
        api.get("/api/membership/organisations", Tokens.practitioner(UUID.randomUUID()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("Birchfield Adult Learning"));

        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"%s","name":"Twice","type":"COLLEGE"}""".formatted(id))
                .andExpect(status().isConflict());
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"org-other-%s","name":"Same alias","type":"COLLEGE","identityProviderAlias":"%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), id.substring(4)))
                .andExpect(status().isConflict());
    }

    @Test
    void registeringAnOrganisationNeedsAProgrammeAdminAndAValidType() throws Exception {
        api.post("/api/membership/organisations", Tokens.orgAdmin("org-westmid-college"),
                "{\"id\":\"org-sneaky\",\"name\":\"Sneaky\",\"type\":\"COLLEGE\"}")
                .andExpect(status().isForbidden());
        api.post("/api/membership/organisations", Tokens.programmeAdmin(),
                "{\"id\":\"org-bad-type\",\"name\":\"Bad\",\"type\":\"CASTLE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.post("/api/membership/organisations", Tokens.programmeAdmin(),
                "{\"id\":\"Not An Id\",\"name\":\"Bad\",\"type\":\"COLLEGE\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void anOrgAdminSignsTheirMemorandumAndOffersAVenue() throws Exception {
        String org = "org-westmid-college";
        String drafted = api.post("/api/membership/organisations/" + org + "/mous", Tokens.orgAdmin(org), """
                {"organisationCommitments":"Host two group meetings a term; release staff for development days",
                 "programmeCommitments":"Facilitator training and a place on the ILM awards",
                 "startsOn":"2026-09-01","endsOn":"2027-08-31"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        String mou = JsonPath.read(drafted, "$.id");

        api.post("/api/membership/organisations/" + org + "/mous/" + mou + "/signature", Tokens.orgAdmin(org),
                "{\"signatoryName\":\"Jo Principal\",\"signatoryRole\":\"Principal\",\"signedOn\":\"2026-09-02\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.signatoryName").value("Jo Principal"));
        api.post("/api/membership/organisations/" + org + "/mous/" + mou + "/signature", Tokens.orgAdmin(org),
                "{\"signatoryName\":\"Again\",\"signedOn\":\"2026-09-03\"}")
                .andExpect(status().isConflict());
        assertThat(events.await("membership.MouSigned.v1", org, 1).stream()
                .anyMatch(event -> event.payload().contains(mou) && event.payload().contains("Jo Principal")))
                .isTrue();

        String offered = api.post("/api/membership/organisations/" + org + "/venues", Tokens.orgAdmin(org), """
                {"name":"Westmid College, Hall Green campus","address":"1 College Road, Birmingham",
                 "postcode":"b28 8aa","latitude":52.43,"longitude":-1.84,"capacity":40,
                 "accessibility":"Step-free; hearing loop"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.postcode").value("B28 8AA"))
                .andReturn().getResponse().getContentAsString();
        String venue = JsonPath.read(offered, "$.id");
        api.perform(delete("/api/membership/organisations/" + org + "/venues/" + venue).with(Tokens.orgAdmin(org))
                        .header("If-Match", "\"1\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn").value(true));

        var venueEvents = events.await("membership.VenueOffered.v1", venue, 2);
        assertThat(venueEvents.getFirst().payload()).contains("\"capacity\":40").contains("\"withdrawn\":false");
        assertThat(venueEvents.getLast().payload()).contains("\"withdrawn\":true");

        api.post("/api/membership/organisations/" + org + "/contributions", Tokens.orgAdmin(org),
                "{\"amount\":1500.00,\"currency\":\"GBP\",\"purpose\":\"Development day catering\",\"pledgedOn\":\"2026-09-02\"}")
                .andExpect(status().isCreated());
        api.get("/api/membership/organisations/" + org, Tokens.orgAdmin(org))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memoranda[?(@.id == '" + mou + "')].status").value("SIGNED"))
                .andExpect(jsonPath("$.venues[?(@.id == '" + venue + "')].withdrawn").value(true))
                .andExpect(jsonPath("$.contributions[?(@.purpose == 'Development day catering')].currency").value("GBP"));
    }

    @Test
    void aProgrammeAdminChangesAnOrganisationsDetailsWhichAreAnnouncedAgain() throws Exception {
        String id = "org-rename-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/membership/organisations", Tokens.programmeAdmin(),
                "{\"id\":\"%s\",\"name\":\"Old Name\",\"type\":\"THIRD_SECTOR\"}".formatted(id))
                .andExpect(status().isCreated());

        api.perform(put("/api/membership/organisations/" + id).with(Tokens.orgAdmin(id))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Hijacked\",\"type\":\"COLLEGE\"}"))
                .andExpect(status().isForbidden());
        api.perform(put("/api/membership/organisations/" + id).with(Tokens.programmeAdmin())
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"New Name\",\"type\":\"THIRD_SECTOR\",\"region\":\"West Midlands\"}"))
                .andExpect(status().isOk());

        var announced = events.await("membership.OrganisationRegistered.v1", id, 2);
        assertThat(announced.getLast().payload()).contains("\"name\":\"New Name\"");
        assertThat(announced).hasSize(2);
    }

    @Test
    void aSignedMemorandumExpiresOnceItsLastDayHasPassed() throws Exception {
        String org = "org-academy";
        clock.setDay(LocalDate.of(2040, 1, 10));
        try {
            String drafted = api.post("/api/membership/organisations/" + org + "/mous", Tokens.programmeAdmin(), """
                    {"organisationCommitments":"Speakers for development days","programmeCommitments":"Venue costs",
                     "startsOn":"2040-01-01","endsOn":"2040-12-31"}""")
                    .andReturn().getResponse().getContentAsString();
            String mou = JsonPath.read(drafted, "$.id");
            api.post("/api/membership/organisations/" + org + "/mous/" + mou + "/signature", Tokens.programmeAdmin(),
                    "{\"signatoryName\":\"Director\",\"signedOn\":\"2040-01-10\"}").andExpect(status().isOk());

            clock.setDay(LocalDate.of(2040, 12, 31));
            organisations.expireEndedMemoranda();
            assertMemorandum(org, mou, "SIGNED");

            clock.setDay(LocalDate.of(2041, 1, 1));
            organisations.expireEndedMemoranda();
            assertMemorandum(org, mou, "EXPIRED");
        } finally {
            clock.reset();
        }
    }

    private void assertMemorandum(String org, String mou, String expected) throws Exception {
        api.get("/api/membership/organisations/" + org, Tokens.programmeAdmin())
                .andExpect(jsonPath("$.memoranda[?(@.id == '" + mou + "')].status").value(expected));
    }

    @Test
    void anOrgAdminIsRefusedOnAnotherOrganisationsData() throws Exception {
        var westmidAdmin = Tokens.orgAdmin("org-westmid-college");
        String other = "org-partner-college";

        api.get("/api/membership/organisations/" + other, westmidAdmin)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        api.post("/api/membership/organisations/" + other + "/venues", westmidAdmin, """
                {"name":"Not ours","address":"Somewhere","postcode":"B1 1AA","capacity":10}""")
                .andExpect(status().isForbidden());
        api.post("/api/membership/organisations/" + other + "/mous", westmidAdmin, """
                {"organisationCommitments":"x","programmeCommitments":"y","startsOn":"2026-09-01","endsOn":"2027-08-31"}""")
                .andExpect(status().isForbidden());
        api.get("/api/membership/organisations/" + other + "/staff", westmidAdmin).andExpect(status().isForbidden());
        api.get("/api/membership/organisations/" + other, Tokens.practitioner(UUID.randomUUID()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOrgAdminSeesTheirOwnStaffsParticipation() throws Exception {
        UUID colleague = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.token(colleague, "org-partner-college", "practitioner"))
                .andExpect(status().isOk());

        api.get("/api/membership/organisations/org-partner-college/staff", Tokens.orgAdmin("org-partner-college"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.practitionerId == '" + colleague + "')].givenName").value("Grace"));
        api.get("/api/membership/organisations/org-partner-college/staff.csv", Tokens.orgAdmin("org-partner-college"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(colleague + ",Grace,Hopper")));
    }
}

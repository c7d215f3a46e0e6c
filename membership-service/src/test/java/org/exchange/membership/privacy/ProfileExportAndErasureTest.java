package org.exchange.membership.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

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
import org.springframework.test.web.servlet.ResultActions;

@MembershipIntegrationTest
class ProfileExportAndErasureTest {

    static final String PROFILE = """
            {"jobRole":"Lecturer in maths","requestedOrganisationId":"org-westmid-college","region":"West Midlands",
             "specialisms":["maths","digital skills"],"newsletterConsent":true,"nameOnOutcomesConsent":false}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    Api api;
    EventsOnTopic events;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        clock.setDay(LocalDate.of(2027, 1, 15));
        events = new EventsOnTopic(Topics.MEMBERSHIP);
    }

    @AfterEach
    void tearDown() {
        events.close();
        clock.reset();
    }

    @Test
    void aPractitionerCompletesTheirProfileAndTheOtherContextsAreTold() throws Exception {
        UUID practitioner = UUID.randomUUID();

        completeProfile(practitioner, PROFILE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobRole").value("Lecturer in maths"))
                .andExpect(jsonPath("$.specialisms[1]").value("digital skills"))
                .andExpect(jsonPath("$.newsletterConsent").value(true))
                .andExpect(jsonPath("$.profileComplete").value(true));
        api.get("/api/membership/me", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.region").value("West Midlands"))
                .andExpect(jsonPath("$.nameOnOutcomesConsent").value(false));

        assertThat(events.awaitOne("membership.PractitionerProfileUpdated.v1", practitioner.toString()).payload())
                .contains("\"jobRole\":\"Lecturer in maths\"")
                .contains("\"specialisms\":[\"maths\",\"digital skills\"]")
                .contains("\"newsletterConsent\":true");
    }

    @Test
    void aProfileNamingAnUnknownOrganisationOrMissingFieldsIsABadRequest() throws Exception {
        UUID practitioner = UUID.randomUUID();
        completeProfile(practitioner, PROFILE.replace("org-westmid-college", "org-nowhere"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        completeProfile(practitioner, "{\"jobRole\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void aPractitionerDownloadsEverythingHeldAboutThem() throws Exception {
        UUID practitioner = UUID.randomUUID();
        completeProfile(practitioner, PROFILE).andExpect(status().isOk());
        api.logCpd(practitioner, LocalDate.of(2027, 1, 10), "3", "Tried a fishbowl").andExpect(status().isCreated());
        api.apply(practitioner);

        api.get("/api/membership/me/export", Tokens.practitioner(practitioner))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.startsWith("attachment; filename=\"exchange-membership-data-")))
                .andExpect(jsonPath("$.profile.email").value("p-" + practitioner + "@college.test"))
                .andExpect(jsonPath("$.profile.jobRole").value("Lecturer in maths"))
                .andExpect(jsonPath("$.membership.status").value("APPLIED"))
                .andExpect(jsonPath("$.membershipHistory[0].to").value("APPLIED"))
                .andExpect(jsonPath("$.cpdActivities[0].reflection").value("Tried a fishbowl"));
    }

    @Test
    void erasurePseudonymisesThePersonHereAndAsksEveryOtherContextToDoTheSame() throws Exception {
        UUID practitioner = UUID.randomUUID();
        completeProfile(practitioner, PROFILE).andExpect(status().isOk());
        api.logCpd(practitioner, LocalDate.of(2027, 1, 10), "3", "Something personal").andExpect(status().isCreated());
        UUID membership = api.apply(practitioner);

        api.post("/api/membership/me/erasure", Tokens.practitioner(practitioner), "")
                .andExpect(status().isOk());
        api.post("/api/membership/me/erasure", Tokens.practitioner(practitioner), "")
                .andExpect(status().isOk());

        api.get("/api/membership/me/export", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.profile.email").doesNotExist())
                .andExpect(jsonPath("$.profile.givenName").value("Erased practitioner"))
                .andExpect(jsonPath("$.profile.familyName").doesNotExist())
                .andExpect(jsonPath("$.profile.jobRole").doesNotExist())
                .andExpect(jsonPath("$.profile.specialisms").isEmpty())
                .andExpect(jsonPath("$.membership.evidence").doesNotExist())
                .andExpect(jsonPath("$.cpdActivities[0].reflection").doesNotExist())
                .andExpect(jsonPath("$.cpdActivities[0].hours").value(3.0));
        completeProfile(practitioner, PROFILE).andExpect(status().isConflict());
        // nobody goes on reviewing the application of someone who asked to be forgotten
        api.get("/api/membership/me/membership", Tokens.practitioner(practitioner))
                .andExpect(jsonPath("$.status").value("REJECTED"));
        api.get("/api/membership/admin/memberships?status=APPLIED", Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.id == '" + membership + "')]").isEmpty());

        assertThat(events.await("membership.PractitionerErasureRequested.v1", practitioner.toString(), 1))
                .hasSize(1);
        assertThat(events.typesFor(practitioner.toString()))
                .containsOnlyOnce("membership.PractitionerErasureRequested.v1");
    }

    private ResultActions completeProfile(UUID practitioner, String json) throws Exception {
        return mvc.perform(put("/api/membership/me/profile").with(Tokens.practitioner(practitioner))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}

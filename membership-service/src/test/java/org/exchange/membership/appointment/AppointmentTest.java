package org.exchange.membership.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.contracts.Topics;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.EventsOnTopic;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Appointing facilitators and assessors: who may, what may be asked, and that an appointment is recorded even when
 * the identity provider does not answer, its role waiting to be granted (no Keycloak answers in this context;
 * AppointmentRoleInKeycloakTest and PlatformIT appoint against a real one).
 */
@MembershipIntegrationTest
class AppointmentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(mvc);
    }

    @Test
    void onlyAProgrammeAdminAppoints() throws Exception {
        UUID someone = signedIn();
        api.post("/api/membership/admin/appointments", Tokens.practitioner(UUID.randomUUID()),
                "{\"practitionerId\":\"" + someone + "\",\"role\":\"FACILITATOR\"}")
                .andExpect(status().isForbidden());
        api.post("/api/membership/admin/appointments", Tokens.orgAdmin("org-westmid-college"),
                "{\"practitionerId\":\"" + someone + "\",\"role\":\"FACILITATOR\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void aRoleThatIsNotAppointedIsABadRequest() throws Exception {
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + signedIn() + "\",\"role\":\"programme-admin\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("facilitators and assessors")));
    }

    @Test
    void someoneWhoNeverSignedInCannotBeAppointed() throws Exception {
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + UUID.randomUUID() + "\",\"role\":\"ASSESSOR\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void aMissingPractitionerIsABadRequest() throws Exception {
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(), "{\"role\":\"ASSESSOR\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void whenTheIdentityProviderDoesNotAnswerTheAppointmentIsRecordedAndItsRoleWaitsForIt() throws Exception {
        UUID someone = signedIn();

        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + someone + "\",\"role\":\"FACILITATOR\"}")
                .andExpect(status().isCreated());

        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id and withdrawn_at is null")
                .param("id", someone).query(Integer.class).single()).isOne();
        // the attempt after commit fails; the request stays, counted, and is tried again a few real seconds later
        // (paced by the database's time: this context's business clock stands still)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select attempts from identity_sync where practitioner_id = :id and kind = 'FACILITATOR'")
                .param("id", someone).query(Integer.class).optional().orElse(0) >= 2);
    }

    @Test
    void withdrawingAnAppointmentNobodyHoldsIsNotFound() throws Exception {
        api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/membership/admin/appointments/" + signedIn() + "/facilitator")
                .with(Tokens.programmeAdmin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anErasedFacilitatorsAppointmentsEndSoThatNoContextCountsThemAsFacilitatorAnyMore() throws Exception {
        UUID someone = signedIn();
        for (String role : new String[] {"FACILITATOR", "ASSESSOR"}) {
            api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                    "{\"practitionerId\":\"" + someone + "\",\"role\":\"" + role + "\"}")
                    .andExpect(status().isCreated());
        }
        try (EventsOnTopic events = new EventsOnTopic(Topics.MEMBERSHIP)) {
            api.post("/api/membership/me/erasure", Tokens.practitioner(someone), "").andExpect(status().isOk());

            assertThat(events.await("membership.AppointmentWithdrawn.v1", someone.toString(), 2))
                    .extracting(EventsOnTopic.Event::payload)
                    .anySatisfy(payload -> assertThat(payload).contains("\"role\":\"facilitator\""))
                    .anySatisfy(payload -> assertThat(payload).contains("\"role\":\"assessor\""));
        }
        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id and withdrawn_at is null")
                .param("id", someone).query(Integer.class).single()).isZero();
    }

    private UUID signedIn() throws Exception {
        UUID someone = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(someone)).andExpect(status().isOk());
        return someone;
    }
}

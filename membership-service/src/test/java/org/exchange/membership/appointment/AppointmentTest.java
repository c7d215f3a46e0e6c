package org.exchange.membership.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Appointing facilitators and assessors: who may, what may be asked, and that nothing is recorded when the identity
 * provider does not take the role (no Keycloak answers in this test; PlatformIT appoints against a real one).
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
    void whenTheIdentityProviderDoesNotAnswerNothingIsRecordedAndTheAnswerIs503() throws Exception {
        UUID someone = signedIn();

        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + someone + "\",\"role\":\"FACILITATOR\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.status").value(503));

        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id").param("id", someone)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
                .param("id", "%" + someone + "%PractitionerAppointed%").query(Integer.class).single()).isZero();
    }

    @Test
    void withdrawingAnAppointmentNobodyHoldsIsNotFound() throws Exception {
        api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/membership/admin/appointments/" + signedIn() + "/facilitator")
                .with(Tokens.programmeAdmin()))
                .andExpect(status().isNotFound());
    }

    private UUID signedIn() throws Exception {
        UUID someone = UUID.randomUUID();
        api.get("/api/membership/me", Tokens.practitioner(someone)).andExpect(status().isOk());
        return someone;
    }
}

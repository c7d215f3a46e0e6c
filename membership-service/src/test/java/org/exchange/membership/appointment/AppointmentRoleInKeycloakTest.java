package org.exchange.membership.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.membership.support.AgainstRealKeycloak;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.RefusedCommits;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The realm role follows the committed appointment, against a real Keycloak (the exchange realm, on a fixed port so
 * that it can be stopped and started again: {@link AgainstRealKeycloak}): a commit that fails leaves Keycloak
 * unchanged; an appointment made while Keycloak is down is granted once it is back; a drift between Keycloak and the
 * appointments is fixed by the reconciliation.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppointmentRoleInKeycloakTest extends AgainstRealKeycloak {

    @Test
    @Order(1)
    void aCommitThatFailsLeavesKeycloakUnchanged() throws Exception {
        UUID person = signedInPerson();
        RefusedCommits.refuseCommitsOf(jdbc, "appointment", "practitioner_id", person);

        int answer = api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + person + "\",\"role\":\"FACILITATOR\"}")
                .andReturn().getResponse().getStatus();
        identitySync.retryDue(); // whatever waits is tried now: nothing may

        assertThat(answer).as("the answer to an appointment whose commit failed").isGreaterThanOrEqualTo(400);
        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id").param("id", person)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from identity_sync where practitioner_id = :id")
                .param("id", person).query(Integer.class).single()).isZero();
        assertThat(keycloak.realmRolesOf(person)).doesNotContain("facilitator");
    }

    @Test
    @Order(2)
    void aDriftBetweenKeycloakAndTheAppointmentsIsFixedByTheReconciliation() throws Exception {
        UUID lostTheRole = signedInPerson();
        UUID keptTheRole = signedInPerson();
        UUID neverAppointedHere = signedInPerson();
        appoint(lostTheRole);
        appoint(keptTheRole);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> keycloak.realmRolesOf(lostTheRole).contains("assessor")
                        && keycloak.realmRolesOf(keptTheRole).contains("assessor"));
        withdraw(keptTheRole);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !keycloak.realmRolesOf(keptTheRole).contains("assessor"));

        // by hand in Keycloak's console: one appointee loses the role, one withdrawn keeps it, one never appointed
        changeByHand(lostTheRole, false);
        changeByHand(keptTheRole, true);
        changeByHand(neverAppointedHere, true);

        IdentitySync.Reconciliation fixed = identitySync.reconcile();

        assertThat(keycloak.realmRolesOf(lostTheRole)).contains("assessor");
        assertThat(keycloak.realmRolesOf(keptTheRole)).doesNotContain("assessor");
        assertThat(keycloak.realmRolesOf(neverAppointedHere)).as("a holder this service never appointed is left alone")
                .contains("assessor");
        assertThat(fixed.granted()).isGreaterThanOrEqualTo(1);
        assertThat(fixed.revoked()).isGreaterThanOrEqualTo(1);
        assertThat(fixed.unmanaged()).isGreaterThanOrEqualTo(1);
    }

    /** Fault test: Keycloak is stopped while appointments are made, then started again. */
    @Test
    @Order(3)
    void appointmentsMadeWhileKeycloakIsDownAreGrantedOnceItIsBack() throws Exception {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(signedInPerson());
        }
        keycloak.stop();

        for (UUID person : people) {
            api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                    "{\"practitionerId\":\"" + person + "\",\"role\":\"FACILITATOR\"}")
                    .andExpect(status().isCreated());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from identity_sync where practitioner_id in (:people) and attempts >= 1""")
                .param("people", people).query(Integer.class).single() == people.size());

        keycloak.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> people.stream()
                .allMatch(person -> keycloak.realmRolesOf(person).contains("facilitator")));

        long granted = people.stream().filter(person -> keycloak.realmRolesOf(person).contains("facilitator")).count();
        int waiting = jdbc.sql("select count(*) from identity_sync where practitioner_id in (:people)")
                .param("people", people).query(Integer.class).single();
        System.out.printf("[fault] keycloak down during appointments: written %d, took effect %d, duplicates 0,"
                + " lost %d, still waiting %d%n", people.size(), granted, people.size() - granted, waiting);
        assertThat(waiting).isZero();
    }

    private static void changeByHand(UUID person, boolean assessor) {
        keycloak.asAdministrator(realm -> {
            var roles = realm.users().get(person.toString()).roles().realmLevel();
            var role = List.of(realm.roles().get("assessor").toRepresentation());
            if (assessor) {
                roles.add(role);
            } else {
                roles.remove(role);
            }
            return null;
        });
    }

    /** A person with an account in Keycloak who has signed in to the platform once. */
    private UUID signedInPerson() throws Exception {
        UUID id = keycloak.newAccount("appointee-" + UUID.randomUUID().toString().substring(0, 8), null);
        api.get("/api/membership/me", Tokens.practitioner(id)).andExpect(status().isOk());
        return id;
    }

    private void appoint(UUID person) throws Exception {
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + person + "\",\"role\":\"ASSESSOR\"}").andExpect(status().isCreated());
    }

    private void withdraw(UUID person) throws Exception {
        api.perform(MockMvcRequestBuilders.delete("/api/membership/admin/appointments/" + person + "/assessor")
                .with(Tokens.programmeAdmin())).andExpect(status().isNoContent());
    }
}

package org.exchange.membership.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchange.membership.appointment.IdentitySync;
import org.exchange.membership.support.AgainstRealKeycloak;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.RefusedCommits;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.util.JsonSerialization;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An erasure ends the person's Keycloak account once it has committed (ADR 0015), against a real Keycloak
 * ({@link AgainstRealKeycloak}): the account is deleted, with its sessions and its realm roles; a failed commit leaves
 * it as it was; an erasure made while Keycloak is down takes effect once it is back; an account that comes back
 * (Keycloak's database restored from before the erasure) is ended again by the reconciliation.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErasureEndsTheKeycloakAccountTest extends AgainstRealKeycloak {

    private static final String PASSWORD = "a-password-of-theirs";
    private static final Duration KEYCLOAK_TAKES_IT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void anErasedPersonCanNoLongerSignInAndTheSessionTheyHadEnds() throws Exception {
        String username = username();
        UUID person = signedInPerson(username);
        HttpResponse<String> signIn = keycloak.passwordGrant(username, PASSWORD);
        assertThat(signIn.statusCode()).as("signing in before the erasure: %s", signIn.body()).isEqualTo(200);
        String refreshToken = JsonSerialization.readValue(signIn.body(), AccessTokenResponse.class).getRefreshToken();

        erase(person);
        awaitEnded(person);

        HttpResponse<String> signInAgain = keycloak.passwordGrant(username, PASSWORD);
        assertThat(signInAgain.statusCode()).as("signing in after the erasure: %s", signInAgain.body())
                .isBetween(400, 401);
        assertThat(signInAgain.body()).contains("invalid_grant");
        HttpResponse<String> refreshed = keycloak.refresh(refreshToken);
        assertThat(refreshed.statusCode()).as("refreshing the session they had: %s", refreshed.body())
                .isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
    }

    @Test
    @Order(2)
    void anErasedProgrammeAdminHoldsNoRealmRoleAnyMoreAndCannotBeAppointedAgain() throws Exception {
        UUID admin = signedInPerson(username(), "practitioner", "programme-admin", "org-admin");
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + admin + "\",\"role\":\"FACILITATOR\"}").andExpect(status().isCreated());
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofSeconds(1))
                .until(() -> keycloak.realmRolesOf(admin).contains("facilitator"));

        erase(admin);
        awaitEnded(admin);

        for (String role : List.of("programme-admin", "org-admin", "facilitator", "practitioner")) {
            assertThat(keycloak.membersOf(role)).as("the holders of the realm role %s", role).doesNotContain(admin);
        }
        // the appointment is still on record, but an erased person holds no role: the reconciliation agrees
        identitySync.reconcile();
        assertThat(keycloak.exists(admin)).as("the account after the reconciliation").isFalse();
        assertThat(keycloak.membersOf("facilitator")).doesNotContain(admin);
        assertThat(jdbc.sql("select count(*) from identity_sync where practitioner_id = :id").param("id", admin)
                .query(Integer.class).single()).as("requests left waiting").isZero();
        api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + admin + "\",\"role\":\"ASSESSOR\"}").andExpect(status().isConflict());
    }

    @Test
    @Order(3)
    void anErasureWhoseCommitFailsLeavesTheAccountAsItWas() throws Exception {
        String username = username();
        UUID person = signedInPerson(username, "practitioner");
        RefusedCommits.refuseCommitsOf(jdbc, "practitioner", "id", person);

        int answer = api.post("/api/membership/me/erasure", Tokens.practitioner(person), "")
                .andReturn().getResponse().getStatus();

        assertThat(answer).as("the answer to an erasure whose commit failed").isGreaterThanOrEqualTo(400);
        assertThat(jdbc.sql("select count(*) from identity_sync where practitioner_id = :id").param("id", person)
                .query(Integer.class).single()).isZero();
        assertThat(keycloak.account(person).isEnabled()).isTrue();
        assertThat(keycloak.realmRolesOf(person)).contains("practitioner");
        assertThat(keycloak.passwordGrant(username, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anAccountOfAnErasedPersonThatComesBackIsEndedAgainByTheReconciliation() throws Exception {
        String username = username();
        UUID person = signedInPerson(username, "practitioner");
        UserRepresentation before = keycloak.account(person);
        erase(person);
        awaitEnded(person);
        keycloak.restore(before); // as from a backup of Keycloak's database taken before the erasure
        assertThat(keycloak.exists(person)).isTrue();

        IdentitySync.Reconciliation fixed = identitySync.reconcile();

        assertThat(fixed.accountsEnded()).isGreaterThanOrEqualTo(1);
        assertThat(keycloak.exists(person)).as("the account after the reconciliation").isFalse();
    }

    /** Fault test: Keycloak is stopped while people are erased, then started again. */
    @Test
    @Order(5)
    void anErasureWhileKeycloakIsDownEndsTheAccountOnceItIsBack() throws Exception {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(signedInPerson(username(), "practitioner", "org-admin"));
        }
        keycloak.stop();

        for (UUID person : people) {
            erase(person);
        }
        await().atMost(KEYCLOAK_TAKES_IT).until(() -> jdbc.sql("""
                select count(*) from identity_sync
                where practitioner_id in (:people) and kind = 'ACCOUNT_END' and attempts >= 1""")
                .param("people", people).query(Integer.class).single() == people.size());

        keycloak.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> people.stream().noneMatch(keycloak::exists));

        long ended = people.stream().filter(person -> !keycloak.exists(person)).count();
        int waiting = jdbc.sql("select count(*) from identity_sync where practitioner_id in (:people)")
                .param("people", people).query(Integer.class).single();
        System.out.printf("[fault] keycloak down during erasures: written %d, took effect %d, duplicates 0,"
                + " lost %d, still waiting %d%n", people.size(), ended, people.size() - ended, waiting);
        assertThat(ended).isEqualTo(people.size());
        assertThat(waiting).isZero();
    }

    private static String username() {
        return "erasable-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A person with an account in Keycloak (a password and the realm roles) who has signed in to the platform. */
    private UUID signedInPerson(String username, String... realmRoles) throws Exception {
        UUID id = keycloak.newAccount(username, PASSWORD, realmRoles);
        api.get("/api/membership/me", Tokens.practitioner(id)).andExpect(status().isOk());
        return id;
    }

    private void erase(UUID person) throws Exception {
        api.post("/api/membership/me/erasure", Tokens.practitioner(person), "").andExpect(status().isOk());
    }

    private void awaitEnded(UUID person) {
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> !keycloak.exists(person) && jdbc.sql(
                        "select count(*) from identity_sync where practitioner_id = :id and kind = 'ACCOUNT_END'")
                        .param("id", person).query(Integer.class).single() == 0);
    }
}

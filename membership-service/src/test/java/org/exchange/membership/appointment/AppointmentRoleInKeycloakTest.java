package org.exchange.membership.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import org.exchange.engines.KeycloakEngine;
import org.exchange.engines.Ports;
import org.exchange.engines.RepositoryRoot;
import org.exchange.membership.support.Api;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.Tokens;
import org.exchange.testing.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The realm role follows the committed appointment, against a real Keycloak (the exchange realm, run by
 * {@link KeycloakEngine} on a fixed port so that it can be stopped and started again): a commit that fails leaves
 * Keycloak unchanged; an appointment made while Keycloak is down is granted once it is back; a drift between Keycloak
 * and the appointments is fixed by the reconciliation.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppointmentRoleInKeycloakTest {

    private static final String REALM = "exchange";
    private static final int PORT = Ports.free();
    private static KeycloakEngine keycloak;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityRoleSync roleSync;

    Api api;

    @DynamicPropertySource
    static void keycloakOfThisTest(DynamicPropertyRegistry registry) {
        registry.add("exchange.identity.keycloak.server-url", () -> startKeycloak().baseUrl());
        registry.add("exchange.identity.role-sync.interval", () -> "PT1S");
        registry.add("exchange.identity.role-sync.longest-pause", () -> "PT3S");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @BeforeEach
    void api() {
        api = new Api(mvc);
    }

    @Test
    @Order(1)
    void aCommitThatFailsLeavesKeycloakUnchanged() throws Exception {
        UUID person = signedInPerson();
        refuseCommitsOfAppointmentsOf(person);

        int answer = api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + person + "\",\"role\":\"FACILITATOR\"}")
                .andReturn().getResponse().getStatus();
        roleSync.retryDue(); // whatever waits is tried now: nothing may

        assertThat(answer).as("the answer to an appointment whose commit failed").isGreaterThanOrEqualTo(400);
        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id").param("id", person)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from identity_role_sync where practitioner_id = :id")
                .param("id", person).query(Integer.class).single()).isZero();
        assertThat(realmRolesOf(person)).doesNotContain("facilitator");
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
                .until(() -> realmRolesOf(lostTheRole).contains("assessor") && realmRolesOf(keptTheRole).contains("assessor"));
        withdraw(keptTheRole);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !realmRolesOf(keptTheRole).contains("assessor"));

        // by hand in Keycloak's console: one appointee loses the role, one withdrawn keeps it, one never appointed
        changeByHand(lostTheRole, false);
        changeByHand(keptTheRole, true);
        changeByHand(neverAppointedHere, true);

        IdentityRoleSync.Reconciliation fixed = roleSync.reconcile();

        assertThat(realmRolesOf(lostTheRole)).contains("assessor");
        assertThat(realmRolesOf(keptTheRole)).doesNotContain("assessor");
        assertThat(realmRolesOf(neverAppointedHere)).as("a holder this service never appointed is left alone")
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
        keycloak.close();

        for (UUID person : people) {
            api.post("/api/membership/admin/appointments", Tokens.programmeAdmin(),
                    "{\"practitionerId\":\"" + person + "\",\"role\":\"FACILITATOR\"}")
                    .andExpect(status().isCreated());
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                select count(*) from identity_role_sync where practitioner_id in (:people) and attempts >= 1""")
                .param("people", people).query(Integer.class).single() == people.size());

        keycloak = null;
        startKeycloak();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> people.stream()
                .allMatch(person -> realmRolesOf(person).contains("facilitator")));

        long granted = people.stream().filter(person -> realmRolesOf(person).contains("facilitator")).count();
        int waiting = jdbc.sql("select count(*) from identity_role_sync where practitioner_id in (:people)")
                .param("people", people).query(Integer.class).single();
        System.out.printf("[fault] keycloak down during appointments: written %d, took effect %d, duplicates 0,"
                + " lost %d, still waiting %d%n", people.size(), granted, people.size() - granted, waiting);
        assertThat(waiting).isZero();
    }

    private static synchronized KeycloakEngine startKeycloak() {
        if (keycloak == null) {
            TestEngines engines = TestEngines.shared();
            keycloak = KeycloakEngine.start(KeycloakEngine.Settings.defaults()
                    .withHttpPort(PORT)
                    .withRealmFile(RepositoryRoot.find().resolve("infra/keycloak/realm-exchange.json"))
                    .withDatabase(engines.jdbcUrl("keycloak_membership_test"), engines.databaseUsername(),
                            engines.databasePassword()));
        }
        return keycloak;
    }

    /** Keycloak's administrator, through the master realm (a new client each time: Keycloak may have restarted). */
    private static <T> T asAdministrator(java.util.function.Function<RealmResource, T> action) {
        try (Keycloak admin = KeycloakBuilder.builder().serverUrl(keycloak.baseUrl()).realm("master")
                .grantType(OAuth2Constants.PASSWORD).clientId("admin-cli").username("admin").password("admin")
                .build()) {
            return action.apply(admin.realm(REALM));
        }
    }

    private static List<String> realmRolesOf(UUID person) {
        return asAdministrator(realm -> realm.users().get(person.toString()).roles().realmLevel().listAll().stream()
                .map(role -> role.getName()).toList());
    }

    private static void changeByHand(UUID person, boolean assessor) {
        asAdministrator(realm -> {
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
        String username = "appointee-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = asAdministrator(realm -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(username);
            user.setEmail(username + "@college.test");
            user.setEnabled(true);
            user.setAttributes(Map.of("organisation", List.of("org-westmid-college")));
            try (Response created = realm.users().create(user)) {
                return UUID.fromString(CreatedResponseUtil.getCreatedId(created));
            }
        });
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

    /**
     * A deferred constraint trigger (checked at commit) that refuses appointments of this person: PostgreSQL itself
     * fails the commit, after everything inside the transaction has run.
     */
    private void refuseCommitsOfAppointmentsOf(UUID person) {
        jdbc.sql("create table if not exists test_commit_refused (practitioner_id uuid primary key)").update();
        jdbc.sql("""
                create or replace function test_refuse_commit() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from test_commit_refused where practitioner_id = new.practitioner_id) then
                    raise exception 'the commit of an appointment of % is refused (test)', new.practitioner_id;
                  end if;
                  return null;
                end $$""").update();
        jdbc.sql("drop trigger if exists test_refuse_commit on appointment").update();
        jdbc.sql("""
                create constraint trigger test_refuse_commit after insert on appointment
                deferrable initially deferred for each row execute function test_refuse_commit()""").update();
        jdbc.sql("insert into test_commit_refused values (:id)").param("id", person).update();
    }
}

package org.exchange.membership.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.membership.support.AgainstRealKeycloak;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.util.JsonSerialization;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Org-admins named for an organisation (issue 18), against a real Keycloak whose signed tokens the service checks
 * (the service trusts that Keycloak as its issuer here): a programme admin names one for any organisation, an org-admin
 * for their own only and only its staff; a work e-mail named before the person's first sign-in takes effect when they
 * sign in with it; the realm role org-admin follows the committed appointment in Keycloak.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OrgAdminAppointmentTest extends AgainstRealKeycloak {

    private static final String PASSWORD = "a-password-of-theirs";
    private static final String COLLEGE = "org-westmid-college";
    private static final String OTHER = "org-brum-acl";
    private static final Duration KEYCLOAK_TAKES_IT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void tokensOfThisKeycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> keycloak.baseUrl() + "/realms/exchange");
    }

    @Test
    void aProgrammeAdminNamesAMemberOfTheCollegeItsOrgAdminAndKeycloakGrantsTheRole() throws Exception {
        String member = username("member");
        UUID person = signedIn(member, COLLEGE);

        api.post(admins(COLLEGE), as(programmeAdmin()), "{\"practitionerId\":\"" + person + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPOINTED"))
                .andExpect(jsonPath("$.admin.practitionerId").value(person.toString()));

        awaitRole(person, true);
        // the next sign-in carries the role: the new org-admin sees their organisation's admins
        api.get(admins(COLLEGE), as(token(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.admins[?(@.practitionerId == '" + person + "')].email")
                        .value(member + "@college.test"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'appointment.made'"
                + " and organisation_id = :organisation and person_id = :person")
                .param("organisation", COLLEGE).param("person", person).query(Integer.class).single()).isOne();
    }

    @Test
    void anOrgAdminNamesAndWithdrawsOrgAdminsOfTheirOwnOrganisationOnly() throws Exception {
        String admin = username("orgadmin");
        signedIn(admin, COLLEGE, "practitioner", "org-admin");
        UUID colleague = signedIn(username("colleague"), COLLEGE);
        UUID ofAnother = signedIn(username("elsewhere"), OTHER);
        String token = token(admin);

        api.post(admins(COLLEGE), as(token), "{\"practitionerId\":\"" + colleague + "\"}")
                .andExpect(status().isCreated());
        awaitRole(colleague, true);

        api.post(admins(COLLEGE), as(token), "{\"practitionerId\":\"" + ofAnother + "\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("belongs to another organisation")));
        api.post(admins(OTHER), as(token), "{\"practitionerId\":\"" + ofAnother + "\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        api.get(admins(OTHER), as(token)).andExpect(status().isForbidden());
        assertThat(keycloak.realmRolesOf(ofAnother)).doesNotContain("org-admin");

        api.perform(MockMvcRequestBuilders.delete(admins(COLLEGE) + "/" + colleague).with(as(token)))
                .andExpect(status().isNoContent());
        awaitRole(colleague, false);
    }

    @Test
    void anOrgAdminCannotWithdrawTheLastOrgAdminOfTheirOrganisationButAProgrammeAdminCan() throws Exception {
        String organisation = "org-last-" + UUID.randomUUID().toString().substring(0, 8);
        String programmeAdmin = programmeAdmin();
        api.post("/api/membership/organisations", as(programmeAdmin),
                "{\"id\":\"" + organisation + "\",\"name\":\"Last College " + organisation + "\",\"type\":\"COLLEGE\"}")
                .andExpect(status().isCreated());
        String first = username("first");
        UUID firstAdmin = signedIn(first, organisation);
        UUID secondAdmin = signedIn(username("second"), organisation);
        for (UUID person : List.of(firstAdmin, secondAdmin)) {
            api.post(admins(organisation), as(programmeAdmin), "{\"practitionerId\":\"" + person + "\"}")
                    .andExpect(status().isCreated());
            awaitRole(person, true);
        }
        String token = token(first); // now carrying org-admin

        api.perform(MockMvcRequestBuilders.delete(admins(organisation) + "/" + secondAdmin).with(as(token)))
                .andExpect(status().isNoContent());
        api.perform(MockMvcRequestBuilders.delete(admins(organisation) + "/" + firstAdmin).with(as(token)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail", containsString("the last org-admin of " + organisation)));
        api.get(admins(organisation), as(programmeAdmin))
                .andExpect(jsonPath("$.admins[?(@.practitionerId == '" + firstAdmin + "')]").exists());

        api.perform(MockMvcRequestBuilders.delete(admins(organisation) + "/" + firstAdmin).with(as(programmeAdmin)))
                .andExpect(status().isNoContent());
        awaitRole(firstAdmin, false);
    }

    @Test
    void aPractitionerNamesNoOrgAdmin() throws Exception {
        String practitioner = username("practitioner");
        UUID self = signedIn(practitioner, COLLEGE);
        String token = token(practitioner);

        api.post(admins(COLLEGE), as(token), "{\"practitionerId\":\"" + self + "\"}")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        api.get(admins(COLLEGE), as(token)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from appointment where practitioner_id = :id").param("id", self)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aWorkEmailNamedBeforeTheFirstSignInTakesEffectWhenThePersonSignsIn() throws Exception {
        String newcomer = username("newcomer");
        String email = newcomer + "@college.test";

        api.post(admins(COLLEGE), as(programmeAdmin()), "{\"email\":\"" + email.toUpperCase() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.waiting.email").value(email));
        api.get(admins(COLLEGE), as(programmeAdmin()))
                .andExpect(jsonPath("$.waiting[?(@.email == '" + email + "')]").exists());

        UUID person = signedIn(newcomer, COLLEGE);

        awaitRole(person, true);
        api.get(admins(COLLEGE), as(programmeAdmin()))
                .andExpect(jsonPath("$.waiting[?(@.email == '" + email + "')]").doesNotExist())
                .andExpect(jsonPath("$.admins[?(@.practitionerId == '" + person + "')]").exists());
    }

    @Test
    void aWorkEmailOfSomeoneOfAnotherOrganisationIsRefused() throws Exception {
        String elsewhere = username("elsewhere");
        signedIn(elsewhere, OTHER);

        api.post(admins(COLLEGE), as(programmeAdmin()), "{\"email\":\"" + elsewhere + "@college.test\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("belongs to another organisation")));
        api.post(admins(COLLEGE), as(programmeAdmin()), "{\"email\":\"not an address\"}")
                .andExpect(status().isBadRequest());
        api.post(admins("org-nowhere"), as(programmeAdmin()), "{\"email\":\"someone@college.test\"}")
                .andExpect(status().isNotFound());
    }

    private static String admins(String organisation) {
        return "/api/membership/organisations/" + organisation + "/admins";
    }

    private static String username(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A programme admin's token, of a new account holding the role in Keycloak. */
    private String programmeAdmin() throws Exception {
        String username = username("programmeadmin");
        signedIn(username, "org-academy", "practitioner", "programme-admin");
        return token(username);
    }

    /** A person with a Keycloak account in the organisation who has signed in to the platform with a real token. */
    private UUID signedIn(String username, String organisation, String... realmRoles) throws Exception {
        UUID id = keycloak.newAccount(username, PASSWORD, realmRoles.length == 0 ? new String[] {"practitioner"}
                : realmRoles);
        keycloak.asAdministrator(realm -> {
            var user = realm.users().get(id.toString());
            var representation = user.toRepresentation();
            representation.setAttributes(Map.of("organisation", List.of(organisation)));
            user.update(representation);
            return null;
        });
        api.get("/api/membership/me", as(token(username))).andExpect(status().isOk());
        return id;
    }

    /** An access token Keycloak signs for the person, as the platform's clients get them. */
    private static String token(String username) throws Exception {
        HttpResponse<String> signIn = keycloak.passwordGrant(username, PASSWORD);
        assertThat(signIn.statusCode()).as("signing in: %s", signIn.body()).isEqualTo(200);
        return JsonSerialization.readValue(signIn.body(), AccessTokenResponse.class).getToken();
    }

    private static RequestPostProcessor as(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    private static void awaitRole(UUID person, boolean held) {
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> keycloak.realmRolesOf(person).contains("org-admin") == held);
    }
}

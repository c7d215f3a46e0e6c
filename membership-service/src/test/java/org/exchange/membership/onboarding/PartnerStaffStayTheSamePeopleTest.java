package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exchange.membership.support.AgainstRealKeycloak;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.PartnerRealm;
import org.exchange.membership.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A partner's staff member stays the same person when Keycloak loses its data (issue 18, ADR 0023), against a real
 * Keycloak in which a second realm plays the college's identity provider: once they have signed in through it and
 * the platform knows them, their link to it is kept; a fresh Keycloak gets their account back with its old id, its
 * link and its appointed role when the partner is applied again, and their next sign-in through the college lands in
 * that account. Their erasure deletes what was kept.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PartnerStaffStayTheSamePeopleTest extends AgainstRealKeycloak {

    private static final Duration KEYCLOAK_TAKES_IT = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String REALM = "lakeside-" + RUN;
    private static final String ALIAS = "lakeside-" + RUN;
    private static final String ORGANISATION = "org-lakeside-" + RUN;
    private static final String SECRET = "lakeside-secret-" + RUN;
    private static final String USERNAME = ALIAS + ".wanda";

    @Autowired
    PartnerSignInSync sync;

    @Autowired
    PartnerStaffLinks links;

    @Test
    void aPartnersStaffMemberSignsInAsTheSamePersonWithTheirRolesAfterKeycloakLostItsData() throws Exception {
        PartnerRealm.create(keycloak, REALM, SECRET, "wanda");
        api.post("/api/membership/admin/partner-sign-ins", Tokens.programmeAdmin(), """
                {"organisationId":"%s","newOrganisation":{"name":"Lakeside %s","type":"COLLEGE"},"alias":"%s",
                 "discoveryUrl":"%s","clientId":"exchange-broker","clientSecret":"%s"}""".formatted(ORGANISATION, RUN,
                ALIAS, keycloak.baseUrl() + "/realms/" + REALM + "/.well-known/openid-configuration", SECRET))
                .andExpect(status().isCreated());
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> ProvidersInRealm.mappers(keycloak, ALIAS).size() == 3);

        // Wanda signs in through her college, and the platform gets to know her; an org-admin of her college
        assertThat(PartnerRealm.signInThrough(keycloak, ALIAS, "wanda").getQuery()).contains("code=");
        UUID wanda = UUID.fromString(single(accountsNamed(USERNAME)).getId());
        api.get("/api/membership/me", tokenOf(wanda)).andExpect(status().isOk());
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500)).until(() -> kept(wanda) == 1);
        assertThat(jdbc.sql("""
                select identity_provider_alias || ' ' || provider_user_id || ' ' || provider_username || ' ' || username
                from partner_staff_account where practitioner_id = :id""").param("id", wanda)
                .query(String.class).single())
                .isEqualTo(ALIAS + " " + PartnerRealm.idOf(REALM, "wanda") + " wanda " + USERNAME);
        api.post("/api/membership/organisations/" + ORGANISATION + "/admins", Tokens.programmeAdmin(),
                "{\"practitionerId\":\"" + wanda + "\"}").andExpect(status().isCreated());
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> keycloak.realmRolesOf(wanda).contains("org-admin"));

        // someone known before links were kept is looked up by the backfill
        jdbc.sql("delete from partner_staff_account where practitioner_id = :id").param("id", wanda).update();
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> links.backfill() >= 0 && kept(wanda) == 1);

        // Keycloak loses its data: the realm file's realm again; the college's provider is its own, so back as it was
        keycloak.startFresh("keycloak_staff_fresh_" + RUN);
        assertThat(keycloak.exists(wanda)).isFalse();
        PartnerRealm.create(keycloak, REALM, SECRET, "wanda");

        sync.reconcileOnStart();

        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500)).until(() -> keycloak.exists(wanda));
        UserRepresentation restored = keycloak.account(wanda);
        assertThat(restored.getUsername()).isEqualTo(USERNAME);
        assertThat(restored.getEmail()).isEqualTo("wanda@" + REALM + ".test");
        assertThat(restored.getFirstName() + " " + restored.getLastName()).isEqualTo("Wanda Of " + REALM);
        assertThat(restored.getAttributes()).containsEntry("organisation", List.of(ORGANISATION));
        assertThat(keycloak.realmRolesOf(wanda)).contains("org-admin", "practitioner", "default-roles-exchange");
        List<FederatedIdentityRepresentation> restoredLinks = keycloak.asAdministrator(
                realm -> realm.users().get(wanda.toString()).getFederatedIdentity());
        assertThat(restoredLinks).extracting(FederatedIdentityRepresentation::getIdentityProvider,
                        FederatedIdentityRepresentation::getUserId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALIAS, PartnerRealm.idOf(REALM, "wanda")));

        // her next sign-in through the college is hers: the same account, no second one
        assertThat(PartnerRealm.signInThrough(keycloak, ALIAS, "wanda").getQuery()).contains("code=");
        assertThat(accountsNamed(USERNAME)).extracting(UserRepresentation::getId).containsExactly(wanda.toString());
        List<UserRepresentation> ofHerCollege = keycloak.asAdministrator(
                realm -> realm.users().searchByAttributes("organisation:" + ORGANISATION));
        assertThat(ofHerCollege).extracting(UserRepresentation::getId).containsExactly(wanda.toString());

        // applying the partner again changes nothing
        assertThat(sync.apply(ALIAS)).isTrue();
        assertThat(accountsNamed(USERNAME)).hasSize(1);

        // her erasure deletes the link kept of her
        api.post("/api/membership/me/erasure", tokenOf(wanda), "")
                .andExpect(status().isOk());
        assertThat(kept(wanda)).isZero();
        assertThat(links.accountsToRestore(ALIAS)).isEmpty();
    }

    private List<UserRepresentation> accountsNamed(String username) {
        return keycloak.asAdministrator(realm -> realm.users().search(username, true));
    }

    private static UserRepresentation single(List<UserRepresentation> accounts) {
        assertThat(accounts).hasSize(1);
        return accounts.get(0);
    }

    private int kept(UUID person) {
        return jdbc.sql("select count(*) from partner_staff_account where practitioner_id = :id and"
                + " identity_provider_alias is not null").param("id", person).query(Integer.class).single();
    }

    /** Her token as the gateway relays it: what Keycloak's account of her says. */
    private static JwtRequestPostProcessor tokenOf(UUID wanda) {
        return SecurityMockMvcRequestPostProcessors.jwt().jwt(token -> token.subject(wanda.toString())
                .claim("email", "wanda@" + REALM + ".test")
                .claim("given_name", "Wanda")
                .claim("family_name", "Of " + REALM)
                .claim("organisation", ORGANISATION)
                .claim("realm_access", Map.of("roles", List.of("practitioner"))));
    }
}

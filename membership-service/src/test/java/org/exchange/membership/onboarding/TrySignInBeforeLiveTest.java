package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import org.exchange.membership.support.AgainstRealKeycloak;
import org.exchange.membership.support.MembershipIntegrationTest;
import org.exchange.membership.support.PartnerRealm;
import org.exchange.membership.support.Tokens;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A newly onboarded partner sign-in is tried before it goes live (issue 18, ADR 0022), against a real Keycloak in
 * which a second realm plays the college's identity provider: hidden on Keycloak's login page and not offered for its
 * staff's e-mail domain until someone has signed in through it (Keycloak's login events say so) and a programme admin
 * puts it live; its e-mail domains come with the onboarding; its client secret is kept encrypted; a failure that is
 * not Keycloak's answer is counted and shown.
 */
@MembershipIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TrySignInBeforeLiveTest extends AgainstRealKeycloak {

    private static final Duration KEYCLOAK_TAKES_IT = Duration.ofSeconds(60);

    @Autowired
    PartnerSignInSync sync;

    @Autowired
    PartnerSecrets secrets;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Test
    void aNewPartnerIsOfferedToStaffOnlyOnceATrySignInThroughItHasSucceededAndAProgrammeAdminPutsItLive()
            throws Exception {
        String run = run();
        String realm = "fairfield-" + run;
        String alias = "fairfield-" + run;
        String domain = realm + ".test";
        PartnerRealm.create(keycloak, realm, "fairfield-secret-" + run, "wanda");

        onboard("org-fairfield-" + run, alias, realm, "fairfield-secret-" + run, "\"" + domain.toUpperCase() + "\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.liveAt").doesNotExist());
        api.get("/api/membership/organisations/org-fairfield-" + run + "/email-domains", Tokens.programmeAdmin())
                .andExpect(jsonPath("$.domains[0]").value(domain));
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> ProvidersInRealm.mappers(keycloak, alias).size() == 3);
        assertThat(ProvidersInRealm.provider(keycloak, alias).isHideOnLogin()).as("hidden on the login page").isTrue();
        api.get("/api/membership/sign-in/provider?email=wanda@" + domain, Tokens.programmeAdmin())
                .andExpect(status().isNotFound());
        api.post(live(alias), Tokens.programmeAdmin(), "")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("try the sign-in first")));
        api.get(HEALTH, Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.alias == '%s')].live".formatted(alias)).value(false))
                .andExpect(jsonPath("$[?(@.alias == '%s' && @.lastSignInAt)]".formatted(alias)).isEmpty());

        // the programme admin's "Try sign-in": the gateway's ?idp= link, a college member's sign-in through it
        assertThat(PartnerRealm.signInThrough(keycloak, alias, "wanda").getQuery()).contains("code=");

        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500)).until(() -> JsonPath.<java.util.List<?>>read(
                api.get(HEALTH, Tokens.programmeAdmin()).andReturn().getResponse().getContentAsString(),
                "$[?(@.alias == '%s' && @.lastSignInAt)]".formatted(alias)).size() == 1);
        api.post(live(alias), Tokens.orgAdmin("org-fairfield-" + run), "").andExpect(status().isForbidden());
        api.post(live(alias), Tokens.programmeAdmin(), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.liveAt").exists())
                .andExpect(jsonPath("$.lastSignInAt").exists());

        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> !Boolean.TRUE.equals(ProvidersInRealm.provider(keycloak, alias).isHideOnLogin()));
        api.get("/api/membership/sign-in/provider?email=wanda@" + domain, Tokens.programmeAdmin())
                .andExpect(status().isOk()).andExpect(jsonPath("$.alias").value(alias));
        api.get(HEALTH, Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.alias == '%s')].live".formatted(alias)).value(
                        org.hamcrest.Matchers.contains(true)));
        api.post(live(alias), Tokens.programmeAdmin(), "").andExpect(status().isConflict());
        api.post(live("never-onboarded-" + run), Tokens.programmeAdmin(), "").andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'partner-sign-in.live'"
                + " and organisation_id = :organisation").param("organisation", "org-fairfield-" + run)
                .query(Integer.class).single()).isOne();
    }

    @Test
    void aDomainOfAnotherOrganisationOnTheOnboardingFormIsAConflictAndNothingIsOnboarded() throws Exception {
        String run = run();
        String taken = "taken-" + run + ".test";
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"org-holder-%s","name":"Holder %s","type":"COLLEGE"}""".formatted(run, run))
                .andExpect(status().isCreated());
        api.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/membership/organisations/org-holder-" + run + "/email-domains")
                .with(Tokens.programmeAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"domains\":[\"" + taken + "\"]}")).andExpect(status().isOk());

        onboard("org-late-" + run, "late-" + run, "nowhere", "s", "\"" + taken + "\"")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(taken)));
        onboard("org-late-" + run, "late-" + run, "nowhere", "s", "\"not a domain\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("emailDomains"));

        assertThat(jdbc.sql("select count(*) from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", "late-" + run).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from organisation where id = :id").param("id", "org-late-" + run)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theClientSecretIsKeptEncryptedAndOneThatNoLongerDecryptsIsCountedAndShownInTheHealthView()
            throws Exception {
        String run = run();
        String realm = "southfield-" + run;
        String alias = "southfield-" + run;
        String secret = "southfield-secret-" + run;
        PartnerRealm.create(keycloak, realm, secret);
        onboard("org-southfield-" + run, alias, realm, secret, "").andExpect(status().isCreated());
        await().atMost(KEYCLOAK_TAKES_IT).pollInterval(Duration.ofMillis(500))
                .until(() -> ProvidersInRealm.mappers(keycloak, alias).size() == 3);

        String stored = storedSecret(alias);
        assertThat(stored).startsWith(PartnerSecrets.PREFIX).doesNotContain(secret);
        assertThat(secrets.decrypt(alias, stored)).isEqualTo(secret);

        // a secret encrypted under another key (the key changed, or a database restored into another deployment)
        jdbc.sql("update partner_sign_in set client_secret = :other where identity_provider_alias = :alias")
                .param("other", new PartnerSecrets(PartnerSecretsTest.OTHER_KEY).encrypt(alias, secret))
                .param("alias", alias).update();
        double before = unexpectedFailures();

        assertThat(sync.apply(alias)).isFalse();

        assertThat(unexpectedFailures()).isEqualTo(before + 1);
        api.get(HEALTH, Tokens.programmeAdmin())
                .andExpect(jsonPath("$[?(@.alias == '%s')].lastError".formatted(alias)).value(
                        org.hamcrest.Matchers.contains(containsString("does not decrypt"))));
        assertThat(jdbc.sql("select unexpected_failures from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", alias).query(Integer.class).single()).isOne();

        // the right key's secret again, so that the service's retries (which share this context) end
        jdbc.sql("update partner_sign_in set client_secret = :secret where identity_provider_alias = :alias")
                .param("secret", secrets.encrypt(alias, secret)).param("alias", alias).update();
        assertThat(sync.apply(alias)).isTrue();
    }

    @Test
    void theMigrationEncryptsSecretsStoredInPlainTextBeforeAndLeavesEncryptedOnesAlone() throws Exception {
        String run = run();
        String plain = "plain-" + run;
        api.post("/api/membership/organisations", Tokens.programmeAdmin(), """
                {"id":"org-plain-%s","name":"Plain %s","type":"COLLEGE"}""".formatted(run, run))
                .andExpect(status().isCreated());
        // as V18_1 stored a secret, before encryption at rest
        jdbc.sql("""
                insert into partner_sign_in (identity_provider_alias, organisation_id, protocol, discovery_url, issuer,
                  authorization_url, token_url, jwks_url, client_id, client_secret, username_template, onboarded_at,
                  apply_pending, live_at)
                values (:alias, :organisation, 'OIDC', 'http://127.0.0.1:9/d', 'http://127.0.0.1:9', 'http://127.0.0.1:9/a',
                  'http://127.0.0.1:9/t', 'http://127.0.0.1:9/k', 'c', 'the-plain-secret', 't', now(), false, now())""")
                .param("alias", plain).param("organisation", "org-plain-" + run).update();
        String alreadyEncrypted = storedSecretOfAny();

        try (Connection connection = dataSource.getConnection()) {
            new EncryptPartnerClientSecrets(secrets).migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertThat(storedSecret(plain)).startsWith(PartnerSecrets.PREFIX).doesNotContain("the-plain-secret");
        assertThat(secrets.decrypt(plain, storedSecret(plain))).isEqualTo("the-plain-secret");
        if (alreadyEncrypted != null) {
            assertThat(jdbc.sql("select count(*) from partner_sign_in where client_secret = :s")
                    .param("s", alreadyEncrypted).query(Integer.class).single()).as("left alone").isOne();
        }
    }

    private static final String HEALTH = "/api/membership/admin/partner-sign-ins";

    private ResultActions onboard(String organisation, String alias, String realm, String secret, String domains)
            throws Exception {
        return api.post(HEALTH, Tokens.programmeAdmin(), """
                {"organisationId":"%s","newOrganisation":{"name":"College %s","type":"COLLEGE"},"alias":"%s",
                 "discoveryUrl":"%s","clientId":"exchange-broker","clientSecret":"%s","emailDomains":[%s]}"""
                .formatted(organisation, alias, alias, keycloak.baseUrl() + "/realms/" + realm
                        + "/.well-known/openid-configuration", secret, domains));
    }

    private static String live(String alias) {
        return HEALTH + "/" + alias + "/live";
    }

    private String storedSecret(String alias) {
        return jdbc.sql("select client_secret from partner_sign_in where identity_provider_alias = :alias")
                .param("alias", alias).query(String.class).single();
    }

    private String storedSecretOfAny() {
        return jdbc.sql("select client_secret from partner_sign_in where client_secret like 'aes256gcm:%' limit 1")
                .query(String.class).optional().orElse(null);
    }

    private double unexpectedFailures() {
        return meters.counter("exchange.identity.partner-sign-in.unexpected-failures").count();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

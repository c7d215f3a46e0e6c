package org.exchange.launcher;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.awaitility.Awaitility;
import org.exchange.engines.RepositoryRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 18's last "done when": the whole onboarding survives a restart of the local platform with Keycloak's data
 * deleted and the services' data kept ({@code --reset-keycloak}). On a platform of its own, on a data directory of its
 * own, a programme admin onboards one college's OpenID Connect sign-in and another's SAML 2.0 sign-in, and names an
 * org-admin, through the membership API; each college's member signs in. The platform stops and starts again with
 * Keycloak's database dropped. Then the realm is the realm file's again, membership-service has given the new Keycloak
 * the colleges' identity providers with their mappers and the org-admin role, each college's member signs in through
 * their provider into their organisation, and the services' data is as it was.
 * <p>
 * The org-admin is a demo account of the realm file, whose subject id the realm import keeps. A partner's member is
 * the same person after the reset (ADR 0023): membership-service kept their link to their college's provider, gives
 * the new Keycloak their account back with its old id when it applies the college's provider again, and their next
 * sign-in through the college lands in that account, with the same subject id, and no second entry in the college's
 * staff. The colleges' own providers keep their people's ids, as a partner's identity provider does.
 */
class OnboardingSurvivesKeycloakResetIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Onboarded by OpenID Connect: its realm's client {@code exchange-broker} with this secret. */
    private static final College OIDC = new College("riverside-" + RUN, "Riverside College " + RUN, "wanda",
            "Wanda Westfield");
    private static final String SECRET = "riverside-secret-" + RUN;
    /** Onboarded by SAML 2.0 from its metadata, signing with a key of its own that it keeps. */
    private static final College SAML = new College("hillside-" + RUN, "Hillside College " + RUN, "sam",
            "Sam Eastgate");
    private static final CollegeRealms.SigningKey SAML_KEY = CollegeRealms.SigningKey.generate("Hillside College");
    /** A demo account of the realm file, so the same subject id after the reset: Femi Facilitator, Westmid College. */
    private static final String ORG_ADMIN = "facilitator";
    private static final String ORG_ADMINS_ORGANISATION = "org-westmid-college";

    private static Path data;
    private static Platform platform;
    private static Playwright playwright;
    private static Browser browser;

    /**
     * A partner college: its identity provider is a realm of the platform's Keycloak named like its provider alias in
     * the platform realm, with one member.
     */
    private record College(String alias, String name, String username, String person) {

        String realm() {
            return alias;
        }

        String organisation() {
            return "org-" + alias;
        }

        String account() {
            return alias + "." + username;
        }
    }

    @Test
    void theOnboardedPartnersTheirMembersSignInAndTheNamedOrgAdminSurviveARestartWithKeycloaksDataDeleted() {
        PlatformSettings settings = PlatformSettings.freePorts(root(), dataDir());
        platform = started(settings);
        playwright = Playwright.create();
        browser = Browsers.chromium(playwright);

        // before: two colleges onboarded, their members signed in once, an org-admin named, all through the platform
        MembershipApi api = new MembershipApi(platform);
        String programmeAdmin = api.tokenFor("programmeadmin");
        collegeRealms();
        api.call("POST", "/api/membership/admin/partner-sign-ins", programmeAdmin, Map.of(
                "organisationId", OIDC.organisation(),
                "newOrganisation", Map.of("name", OIDC.name(), "type", "COLLEGE", "region", "West Midlands"),
                "alias", OIDC.alias(),
                "discoveryUrl", keycloak() + "/realms/" + OIDC.realm() + "/.well-known/openid-configuration",
                "clientId", "exchange-broker",
                "clientSecret", SECRET), 201);
        api.call("POST", "/api/membership/admin/partner-sign-ins/saml", programmeAdmin, Map.of(
                "organisationId", SAML.organisation(),
                "newOrganisation", Map.of("name", SAML.name(), "type", "COLLEGE", "region", "East Midlands"),
                "alias", SAML.alias(),
                "metadataUrl", keycloak() + "/realms/" + SAML.realm() + "/protocol/saml/descriptor"), 201);
        Map<College, String> membersBefore = new LinkedHashMap<>();
        for (College college : List.of(OIDC, SAML)) {
            awaitTheProviderWithItsMappers(college);
            // tried before it goes live (ADR 0022): the gateway's ?idp= link, then put live once the sign-in is seen
            membersBefore.put(college, tryTheSignInThroughThe(college));
            MembershipApi calls = api;
            String admin = programmeAdmin;
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> calls.call("POST", "/api/membership/admin/partner-sign-ins/"
                            + college.alias() + "/live", admin, null, 200));
        }

        UUID orgAdmin = UUID.fromString(api.call("GET", "/api/membership/me", api.tokenFor(ORG_ADMIN), null, 200)
                .get("id").asString());
        JsonNode named = api.call("POST", "/api/membership/organisations/" + ORG_ADMINS_ORGANISATION + "/admins",
                programmeAdmin, Map.of("practitionerId", orgAdmin), 201);
        assertThat(named.get("status").asString()).isEqualTo("APPOINTED");
        awaitRealmRole(orgAdmin, "org-admin");
        JsonNode partnersBefore = api.call("GET", "/api/membership/admin/partner-sign-ins", programmeAdmin, null, 200);
        Map<College, JsonNode> organisationsBefore = new LinkedHashMap<>();
        Map<College, JsonNode> staffBefore = new LinkedHashMap<>();
        for (College college : List.of(OIDC, SAML)) {
            organisationsBefore.put(college, api.call("GET", "/api/membership/organisations/" + college.organisation(),
                    programmeAdmin, null, 200));
            staffBefore.put(college, staffRow(api.call("GET", "/api/membership/organisations/"
                    + college.organisation() + "/staff", programmeAdmin, null, 200), membersBefore.get(college)));
        }

        // membership-service records each member's link to their college's provider just after their arrival, on a
        // thread of its own (ADR 0023): the reset comes once it has, as it would seconds after a real first sign-in
        awaitTheLinksRecorded(membersBefore.values());

        // the restart, Keycloak's database dropped and the services' kept
        platform.close();
        Instant restarting = Instant.now();
        platform = started(settings.withFreshKeycloak());
        System.out.println("[reset-keycloak] platform back in " + Duration.between(restarting, Instant.now())
                .toSeconds() + " s");
        api = new MembershipApi(platform);

        // Keycloak's own state is gone: the members' brokered accounts and the colleges' realms (the colleges' own
        // identity providers, not the platform's: played here by realms of the same Keycloak, so they are made again,
        // the SAML college with the key it signed with before)
        for (College college : List.of(OIDC, SAML)) {
            assertThat(users("exact=true&username=" + college.account())).as("the account of before").isEmpty();
            assertThat(MembershipApi.send(HttpRequest.newBuilder(URI.create(keycloak() + "/realms/" + college.realm()
                    + "/.well-known/openid-configuration"))).statusCode()).isEqualTo(404);
        }
        collegeRealms();

        // the realm is the realm file's again: its clients, its roles and its settings
        JsonNode realmFile = realmFile();
        List<String> clients = new ArrayList<>();
        realmFile.get("clients").forEach(client -> clients.add(client.get("clientId").asString()));
        for (String client : clients) {
            assertThat(admin("/clients?clientId=" + client)).as("client " + client).hasSize(1);
        }
        List<String> roles = new ArrayList<>();
        admin("/roles").forEach(role -> roles.add(role.get("name").asString()));
        realmFile.get("roles").get("realm").forEach(role -> assertThat(roles).contains(role.get("name").asString()));
        assertThat(admin("").get("attributes").get("actionTokenGeneratedByUserLifespan.verify-email").asString())
                .isEqualTo(realmFile.get("attributes").get("actionTokenGeneratedByUserLifespan.verify-email")
                        .asString());

        // membership-service gave the new Keycloak the colleges' identity providers and their mappers
        for (College college : List.of(OIDC, SAML)) {
            awaitTheProviderWithItsMappers(college);
            assertThat(admin("/identity-provider/instances/" + college.alias()).get("displayName").asString())
                    .isEqualTo(college.name());
        }
        assertThat(admin("/identity-provider/instances/" + OIDC.alias()).get("config").get("tokenUrl").asString())
                .isEqualTo(keycloak() + "/realms/" + OIDC.realm() + "/protocol/openid-connect/token");
        JsonNode saml = admin("/identity-provider/instances/" + SAML.alias()).get("config");
        assertThat(saml.get("validateSignature").asString()).isEqualTo("true");
        assertThat(saml.get("signingCertificate").asString()).contains(SAML_KEY.certificate());

        // and the org-admin role, from the appointment it kept
        awaitRealmRole(orgAdmin, "org-admin");
        assertThat(claims(api.tokenFor(ORG_ADMIN)).get("realm_access").get("roles").toString()).contains("org-admin");

        // each college's member has their account back, with its old id, and signs in through the provider again as
        // the same person, in their organisation
        for (College college : List.of(OIDC, SAML)) {
            String before = membersBefore.get(college);
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> admin("/users/" + before + "/federated-identity").toString()
                            .contains("\"" + college.alias() + "\""));
            String after = signInThroughThe(college);
            JsonNode accounts = users("exact=true&username=" + college.account());
            assertThat(accounts).as("the accounts of " + college.account()).hasSize(1);
            assertThat(accounts.get(0).get("attributes").get("organisation").get(0).asString())
                    .isEqualTo(college.organisation());
            System.out.println("[reset-keycloak] " + college.account() + " had subject " + before + " before and "
                    + after + " after the reset");
            assertThat(after).as("the subject id of " + college.account() + " after the reset").isEqualTo(before);
        }

        // the services' data is as it was
        programmeAdmin = api.tokenFor("programmeadmin");
        JsonNode partnersAfter = api.call("GET", "/api/membership/admin/partner-sign-ins", programmeAdmin, null, 200);
        for (College college : List.of(OIDC, SAML)) {
            JsonNode before = partner(partnersBefore, college);
            JsonNode after = partner(partnersAfter, college);
            for (String field : List.of("organisationId", "organisationName", "alias", "protocol", "discoveryUrl",
                    "issuer", "metadataUrl", "signingCertificateExpiresAt")) {
                assertThat(after.get(field)).as(college.alias() + " " + field).isEqualTo(before.get(field));
            }
            assertThat(after.get("appliedInKeycloak").asBoolean()).isTrue();
            assertThat(api.call("GET", "/api/membership/organisations/" + college.organisation(), programmeAdmin,
                    null, 200)).isEqualTo(organisationsBefore.get(college));
            JsonNode staffAfter = api.call("GET", "/api/membership/organisations/" + college.organisation() + "/staff",
                    programmeAdmin, null, 200);
            System.out.println("[reset-keycloak] " + college.name() + "'s staff after the reset: " + staffAfter);
            assertThat(staffRow(staffAfter, membersBefore.get(college))).isEqualTo(staffBefore.get(college));
            assertThat(staffAfter).as(college.name() + "'s staff: its one member, once").hasSize(1);
        }
        List<String> admins = new ArrayList<>();
        api.call("GET", "/api/membership/organisations/" + ORG_ADMINS_ORGANISATION + "/admins", programmeAdmin, null,
                200).get("admins").forEach(admin -> admins.add(admin.get("practitionerId").asString()));
        assertThat(admins).contains(orgAdmin.toString());
    }

    /** The colleges' own identity providers. */
    private static void collegeRealms() {
        CollegeRealms.oidc(platform, OIDC.realm(), OIDC.alias(), SECRET);
        CollegeRealms.saml(platform, SAML.realm(), SAML.alias(), SAML_KEY);
    }

    /**
     * The college's member signs in through a provider not yet offered on the login page, as the partners page's "Try
     * sign-in" link does: the gateway's {@code ?idp=} link straight to the college, then the portal's dashboard in
     * their organisation. Returns their subject id in the platform.
     */
    private static String tryTheSignInThroughThe(College college) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(platform.settings().gatewayUrl() + "/oauth2/authorization/keycloak?idp=" + college.alias());
            assertThat(page).hasURL(Pattern.compile(".*/realms/" + college.realm() + "/.*"));
            page.locator("#username").fill(college.username());
            page.locator("#password").fill(MembershipApi.PASSWORD);
            page.locator("#kc-login").click(new Locator.ClickOptions().setNoWaitAfter(true));
            page.waitForURL(address -> address.startsWith(platform.settings().gatewayUrl())
                    && !address.contains("/login/oauth2/"), new Page.WaitForURLOptions().setTimeout(60_000));
            page.navigate(platform.settings().gatewayUrl() + "/dashboard.html");
            assertThat(page.getByTestId("person")).hasText(college.person());
            assertThat(page.getByTestId("organisation")).hasText(college.name());
        }
        return users("exact=true&username=" + college.account()).get(0).get("id").asString();
    }

    /**
     * The college's member signs in in a fresh browser: from the platform's sign-in page to the college's, with their
     * college account, back to the portal's dashboard in their organisation. Returns their subject id in the platform.
     */
    private static String signInThroughThe(College college) {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(platform.settings().gatewayUrl() + "/dashboard.html");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(college.name())).click();
            assertThat(page).hasURL(Pattern.compile(".*/realms/" + college.realm() + "/.*"));
            page.locator("#username").fill(college.username());
            page.locator("#password").fill(MembershipApi.PASSWORD);
            page.locator("#kc-login").click(new Locator.ClickOptions().setNoWaitAfter(true));
            assertThat(page).hasURL(Pattern.compile(".*/dashboard\\.html$"),
                    new PageAssertions.HasURLOptions().setTimeout(60_000));
            assertThat(page.getByTestId("person")).hasText(college.person());
            assertThat(page.getByTestId("organisation")).hasText(college.name());
        }
        return users("exact=true&username=" + college.account()).get(0).get("id").asString();
    }

    /** The provider with the mappers every onboarded partner has, the organisation one naming the platform's id. */
    private static void awaitTheProviderWithItsMappers(College college) {
        String mappers = "/identity-provider/instances/" + college.alias() + "/mappers";
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    List<String> names = new ArrayList<>();
                    admin(mappers).forEach(mapper -> names.add(mapper.get("name").asString()));
                    return names.containsAll(List.of("organisation", "practitioner role", "username"));
                });
        List<String> organisations = new ArrayList<>();
        admin(mappers).forEach(mapper -> {
            if ("organisation".equals(mapper.get("name").asString())) {
                organisations.add(mapper.get("config").get("attribute.value").asString());
            }
        });
        assertThat(organisations).as("the organisation the mapper sets, from the platform's data")
                .containsExactly(college.organisation());
    }

    /** Until membership-service holds each of these people's link to their college's identity provider. */
    private static void awaitTheLinksRecorded(java.util.Collection<String> people) {
        Awaitility.await("the links of " + people + " to their colleges' providers recorded")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                            platform.postgres().jdbcUrl("membership"), platform.postgres().username(),
                            platform.postgres().password());
                            java.sql.PreparedStatement linked = connection.prepareStatement("""
                                    select count(*) from partner_staff_account
                                    where identity_provider_alias is not null and practitioner_id = any (?)""")) {
                        linked.setArray(1, connection.createArrayOf("uuid", people.toArray()));
                        try (java.sql.ResultSet count = linked.executeQuery()) {
                            return count.next() && count.getInt(1) == people.size();
                        }
                    }
                });
    }

    private static void awaitRealmRole(UUID person, String role) {
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> admin("/users/" + person + "/role-mappings/realm").toString()
                        .contains("\"" + role + "\""));
    }

    /** The onboarded college's row of the partners' health view. */
    private static JsonNode partner(JsonNode partners, College college) {
        for (JsonNode partner : partners) {
            if (college.alias().equals(partner.get("alias").asString())) {
                return partner;
            }
        }
        throw new AssertionError("no partner " + college.alias() + " in " + partners);
    }

    /** The practitioner's row of an organisation's staff. */
    private static JsonNode staffRow(JsonNode staff, String practitionerId) {
        for (JsonNode row : staff) {
            if (practitionerId.equals(row.get("practitionerId").asString())) {
                return row;
            }
        }
        throw new AssertionError("no practitioner " + practitionerId + " in " + staff);
    }

    private static JsonNode users(String query) {
        return admin("/users?" + query);
    }

    /** A read of the platform realm's admin API, as Keycloak's bootstrap administrator. */
    private static JsonNode admin(String path) {
        HttpResponse<String> response = MembershipApi.send(HttpRequest.newBuilder(URI.create(keycloak()
                + "/admin/realms/" + PlatformSettings.REALM + path))
                .header("Authorization", "Bearer " + new MembershipApi(platform).adminToken()));
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return MembershipApi.JSON.readTree(response.body());
    }

    private static JsonNode claims(String token) {
        return MembershipApi.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
    }

    private static JsonNode realmFile() {
        try {
            return MembershipApi.JSON.readTree(Files.readString(root().resolve(PlatformSettings.REALM_FILES.get(0))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String keycloak() {
        return platform.settings().keycloakUrl();
    }

    private static Path root() {
        return RepositoryRoot.find();
    }

    /** A data directory of this test's own, not the shared platform's. */
    private static Path dataDir() {
        try {
            data = Files.createTempDirectory("exchange-keycloak-reset-it");
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Platform started(PlatformSettings settings) {
        Instant began = Instant.now();
        Platform started = Platform.start(settings, message -> System.out.println("[platform] " + message));
        System.out.println("[platform] ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
        return started;
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (platform != null) {
            platform.close();
        }
        // EXCHANGE_IT_KEEP_DATA=true keeps the data (each application's log among it) to read after a failure
        if (data != null && Boolean.parseBoolean(System.getenv("EXCHANGE_IT_KEEP_DATA"))) {
            System.out.println("[platform] data and logs kept in " + data);
        } else if (data != null) {
            SharedPlatform.deleteRecursively(data);
        }
    }
}

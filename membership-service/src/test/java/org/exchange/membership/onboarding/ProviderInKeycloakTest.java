package org.exchange.membership.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/** What Keycloak must hold for an onboarded sign-in, and how a drift from it is named; no Keycloak needed. */
class ProviderInKeycloakTest {

    static final PartnerSignIn EASTFIELD = new PartnerSignIn("eastfield", "org-eastfield-college", PartnerSignIn.OIDC,
            "https://id.eastfield.example/.well-known/openid-configuration", "exchange",
            new Discovery("https://id.eastfield.example", "https://id.eastfield.example/auth",
                    "https://id.eastfield.example/token", null, "https://id.eastfield.example/keys", null),
            PartnerSignIn.USERNAME_TEMPLATE, Instant.parse("2026-12-01T09:00:00Z"), null, null, null,
            Instant.parse("2026-12-01T10:00:00Z"), null);

    @Test
    void keycloakHoldingExactlyWhatWasOnboardedHasNoDrift() {
        assertThat(ProviderInKeycloak.driftOf(EASTFIELD, asKeycloakShowsIt(), ProviderInKeycloak.mappers(EASTFIELD)))
                .isEmpty();
    }

    @Test
    void theOrganisationComesFromThePlatformAndUsernamesArePrefixedWithTheProvider() {
        var mappers = ProviderInKeycloak.mappers(EASTFIELD);

        assertThat(ProviderInKeycloak.named(mappers, "organisation").getConfig())
                .containsEntry("attribute", "organisation").containsEntry("attribute.value", "org-eastfield-college")
                .containsEntry("syncMode", "FORCE");
        assertThat(ProviderInKeycloak.named(mappers, "username").getConfig())
                .containsEntry("template", "${ALIAS}.${CLAIM.preferred_username}");
    }

    @Test
    void aMissingProviderIsOneDrift() {
        assertThat(ProviderInKeycloak.driftOf(EASTFIELD, null, List.of()))
                .extracting(Drift::kind).containsExactly(Drift.Kind.PROVIDER_MISSING);
    }

    @Test
    void aMapperNamingAnotherOrganisationIsWrongAndAMissingOneIsMissing() {
        List<IdentityProviderMapperRepresentation> mappers = new ArrayList<>(ProviderInKeycloak.mappers(EASTFIELD));
        mappers.removeIf(mapper -> mapper.getName().equals("username"));
        IdentityProviderMapperRepresentation organisation = ProviderInKeycloak.named(mappers, "organisation");
        organisation.getConfig().put("attribute.value", "org-eastfeild-college");

        assertThat(ProviderInKeycloak.driftOf(EASTFIELD, asKeycloakShowsIt(), mappers))
                .extracting(Drift::kind, Drift::detail)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Drift.Kind.MAPPER_WRONG, "The mapper \"organisation\" is"
                                + " not as onboarded (it sets organisation org-eastfeild-college)"),
                        org.assertj.core.groups.Tuple.tuple(Drift.Kind.MAPPER_MISSING,
                                "The mapper \"username\" is missing"));
    }

    @Test
    void changedEndpointsOrADisabledProviderAreWrongButTheMaskedSecretIsNot() {
        IdentityProviderRepresentation changed = asKeycloakShowsIt();
        changed.getConfig().put("tokenUrl", "https://elsewhere.example/token");
        changed.setEnabled(false);

        assertThat(ProviderInKeycloak.driftOf(EASTFIELD, changed, ProviderInKeycloak.mappers(EASTFIELD)))
                .extracting(Drift::detail)
                .containsExactly("The identity provider's enabled, tokenUrl differ from what was onboarded");
    }

    @Test
    void aProviderThatDoesNotTrustThePartnersEmailVerificationIsWrong() {
        // the realm verifies self-registered addresses: without trustEmail, partner staff would be asked to as well
        IdentityProviderRepresentation untrusting = asKeycloakShowsIt();
        untrusting.setTrustEmail(false);

        assertThat(ProviderInKeycloak.driftOf(EASTFIELD, untrusting, ProviderInKeycloak.mappers(EASTFIELD)))
                .extracting(Drift::detail)
                .containsExactly("The identity provider's trustEmail differ from what was onboarded");
    }

    @Test
    void aProviderStillBeingTriedIsHiddenOnTheLoginPageAndALiveOneIsShown() {
        PartnerSignIn tried = new PartnerSignIn(EASTFIELD.alias(), EASTFIELD.organisationId(), EASTFIELD.protocol(),
                EASTFIELD.discoveryUrl(), EASTFIELD.clientId(), EASTFIELD.endpoints(), EASTFIELD.usernameTemplate(),
                EASTFIELD.onboardedAt(), null, null, null, null, null);

        assertThat(ProviderInKeycloak.provider(tried, "Eastfield College", "s3cret").isHideOnLogin()).isTrue();
        assertThat(ProviderInKeycloak.provider(EASTFIELD, "Eastfield College", "s3cret").isHideOnLogin()).isFalse();
        assertThat(ProviderInKeycloak.driftOf(tried, asKeycloakShowsIt(), ProviderInKeycloak.mappers(tried)))
                .extracting(Drift::detail)
                .containsExactly("The identity provider's hideOnLogin differ from what was onboarded");
    }

    /** The provider as Keycloak's admin API answers: the secret masked. */
    private static IdentityProviderRepresentation asKeycloakShowsIt() {
        IdentityProviderRepresentation provider = ProviderInKeycloak.provider(EASTFIELD, "Eastfield College", "s3cret");
        provider.setConfig(new HashMap<>(provider.getConfig()));
        provider.getConfig().put("clientSecret", "**********");
        return provider;
    }
}

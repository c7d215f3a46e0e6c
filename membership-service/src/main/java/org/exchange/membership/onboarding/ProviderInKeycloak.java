package org.exchange.membership.onboarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * What Keycloak must hold for an onboarded partner sign-in (ADR 0021): an OIDC identity provider of the platform realm
 * under the sign-in's alias, and three mappers on it: the organisation attribute set to the organisation's id from the
 * platform's data (FORCE, so each sign-in sets it again), the practitioner role, and the username template that keeps
 * two partners' usernames apart. Also says how what Keycloak holds differs from it.
 */
final class ProviderInKeycloak {

    /** The user attribute the realm's {@code organisation} client scope puts into every token (ADR 0004). */
    static final String ORGANISATION_ATTRIBUTE = "organisation";
    static final String ORGANISATION_MAPPER = "organisation";
    static final String ROLE_MAPPER = "practitioner role";
    static final String USERNAME_MAPPER = "username";
    static final String HARDCODED_ATTRIBUTE = "hardcoded-attribute-idp-mapper";

    /** The provider's settings a reconciliation compares; the secret is not among them (Keycloak never shows it). */
    private static final List<String> COMPARED = List.of("issuer", "authorizationUrl", "tokenUrl", "jwksUrl",
            "clientId");

    private ProviderInKeycloak() {
    }

    static IdentityProviderRepresentation provider(PartnerSignIn signIn, String displayName, String clientSecret) {
        Discovery endpoints = signIn.endpoints();
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(signIn.alias());
        provider.setDisplayName(displayName);
        provider.setProviderId("oidc");
        provider.setEnabled(true);
        // the partner vouches for its staff's addresses as for their organisation: the realm's e-mail verification,
        // which self-registered people go through, is not asked of them (Keycloak takes the provider's email_verified)
        provider.setTrustEmail(true);
        provider.setStoreToken(false);
        provider.setAddReadTokenRoleOnCreate(false);
        provider.setLinkOnly(false);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        Map<String, String> config = new HashMap<>();
        config.put("issuer", endpoints.issuer());
        config.put("authorizationUrl", endpoints.authorizationUrl());
        config.put("tokenUrl", endpoints.tokenUrl());
        config.put("jwksUrl", endpoints.jwksUrl());
        if (endpoints.userInfoUrl() != null) {
            config.put("userInfoUrl", endpoints.userInfoUrl());
        }
        if (endpoints.logoutUrl() != null) {
            config.put("logoutUrl", endpoints.logoutUrl());
            config.put("sendIdTokenOnLogout", "true");
        }
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("pkceEnabled", "true");
        config.put("pkceMethod", "S256");
        config.put("clientId", signIn.clientId());
        config.put("clientSecret", clientSecret);
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid profile email");
        config.put("syncMode", "FORCE");
        config.put("backchannelSupported", "false");
        provider.setConfig(config);
        return provider;
    }

    static List<IdentityProviderMapperRepresentation> mappers(PartnerSignIn signIn) {
        return List.of(
                mapper(signIn, ORGANISATION_MAPPER, HARDCODED_ATTRIBUTE, Map.of("syncMode", "FORCE",
                        "attribute", ORGANISATION_ATTRIBUTE, "attribute.value", signIn.organisationId())),
                mapper(signIn, ROLE_MAPPER, "oidc-hardcoded-role-idp-mapper", Map.of("syncMode", "FORCE",
                        "role", "practitioner")),
                mapper(signIn, USERNAME_MAPPER, "oidc-username-idp-mapper", Map.of("syncMode", "IMPORT",
                        "template", signIn.usernameTemplate(), "target", "LOCAL")));
    }

    private static IdentityProviderMapperRepresentation mapper(PartnerSignIn signIn, String name, String type,
            Map<String, String> config) {
        IdentityProviderMapperRepresentation mapper = new IdentityProviderMapperRepresentation();
        mapper.setName(name);
        mapper.setIdentityProviderAlias(signIn.alias());
        mapper.setIdentityProviderMapper(type);
        mapper.setConfig(new HashMap<>(config));
        return mapper;
    }

    /**
     * How what Keycloak holds differs from what it must hold for the sign-in.
     *
     * @param actual the provider Keycloak has under the alias, or null when it has none
     * @param actualMappers its mappers
     */
    static List<Drift> driftOf(PartnerSignIn signIn, IdentityProviderRepresentation actual,
            List<IdentityProviderMapperRepresentation> actualMappers) {
        List<Drift> drift = new ArrayList<>();
        if (actual == null) {
            drift.add(new Drift(signIn.alias(), signIn.organisationId(), Drift.Kind.PROVIDER_MISSING,
                    "Keycloak has no identity provider " + signIn.alias()));
            return drift;
        }
        IdentityProviderRepresentation wanted = provider(signIn, null, null);
        List<String> differ = new ArrayList<>();
        if (!actual.isEnabled()) {
            differ.add("enabled");
        }
        if (!actual.isTrustEmail()) {
            // onboarded before the realm verified e-mail addresses, or changed by hand: staff would be asked to verify
            differ.add("trustEmail");
        }
        for (String setting : COMPARED) {
            if (!Objects.equals(wanted.getConfig().get(setting), config(actual.getConfig()).get(setting))) {
                differ.add(setting);
            }
        }
        if (!differ.isEmpty()) {
            drift.add(new Drift(signIn.alias(), signIn.organisationId(), Drift.Kind.PROVIDER_WRONG,
                    "The identity provider's " + String.join(", ", differ) + " differ from what was onboarded"));
        }
        for (IdentityProviderMapperRepresentation want : mappers(signIn)) {
            IdentityProviderMapperRepresentation have = named(actualMappers, want.getName());
            if (have == null) {
                drift.add(new Drift(signIn.alias(), signIn.organisationId(), Drift.Kind.MAPPER_MISSING,
                        "The mapper \"" + want.getName() + "\" is missing"));
            } else if (!agrees(want, have)) {
                drift.add(new Drift(signIn.alias(), signIn.organisationId(), Drift.Kind.MAPPER_WRONG,
                        "The mapper \"" + want.getName() + "\" is not as onboarded" + organisationNamed(have)));
            }
        }
        return drift;
    }

    /** Whether the mapper Keycloak has does what the wanted one does (its own settings beyond them are ignored). */
    static boolean agrees(IdentityProviderMapperRepresentation want, IdentityProviderMapperRepresentation have) {
        if (!want.getIdentityProviderMapper().equals(have.getIdentityProviderMapper())) {
            return false;
        }
        Map<String, String> config = config(have.getConfig());
        return want.getConfig().entrySet().stream()
                .allMatch(setting -> setting.getValue().equals(config.get(setting.getKey())));
    }

    static IdentityProviderMapperRepresentation named(List<IdentityProviderMapperRepresentation> mappers,
            String name) {
        return mappers.stream().filter(mapper -> name.equals(mapper.getName())).findFirst().orElse(null);
    }

    /** The organisation a mapper sets on brokered users, or null when it sets none. */
    static String organisationSetBy(IdentityProviderMapperRepresentation mapper) {
        Map<String, String> config = config(mapper.getConfig());
        if (HARDCODED_ATTRIBUTE.equals(mapper.getIdentityProviderMapper())
                && ORGANISATION_ATTRIBUTE.equals(config.get("attribute"))) {
            return config.get("attribute.value");
        }
        return null;
    }

    private static String organisationNamed(IdentityProviderMapperRepresentation mapper) {
        String organisation = organisationSetBy(mapper);
        return organisation == null ? "" : " (it sets organisation " + organisation + ")";
    }

    private static Map<String, String> config(Map<String, String> config) {
        return config == null ? Map.of() : config;
    }
}

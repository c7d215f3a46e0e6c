package org.exchange.membership.onboarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * What Keycloak must hold for an onboarded partner sign-in (ADR 0021): an OIDC or SAML identity provider of the
 * platform realm under the sign-in's alias, and mappers on it: the organisation attribute set to the organisation's id
 * from the platform's data (FORCE, so each sign-in sets it again), the practitioner role, and the username template
 * that keeps two partners' usernames apart; a SAML provider also gets the person's e-mail address and names from the
 * standard attributes. Also says how what Keycloak holds differs from it.
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
    /** A SAML provider's settings a reconciliation compares: whom it trusts, and where it sends people. */
    private static final List<String> COMPARED_SAML = List.of("idpEntityId", "singleSignOnServiceUrl",
            "signingCertificate", "validateSignature", "nameIDPolicyFormat");

    /**
     * The SAML attributes (their standard names, urn:oid, as the SAML 2.0 profile of X.500/LDAP attributes gives
     * them and UK federation providers release them) a SAML provider's person is read from: mail, givenName, sn.
     */
    static final Map<String, String> SAML_ATTRIBUTES = Map.of(
            "email", "urn:oid:0.9.2342.19200300.100.1.3",
            "firstName", "urn:oid:2.5.4.42",
            "lastName", "urn:oid:2.5.4.4");

    private ProviderInKeycloak() {
    }

    static IdentityProviderRepresentation provider(PartnerSignIn signIn, String displayName, String clientSecret) {
        if (signIn.usesSaml()) {
            return samlProvider(signIn, displayName);
        }
        Discovery endpoints = signIn.endpoints();
        IdentityProviderRepresentation provider = common(signIn, displayName, "oidc");
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

    /**
     * What every onboarded provider shares: enabled, users created at first sign-in, no token kept, and the partner's
     * word for its staff's e-mail addresses as for their organisation, so that the realm's e-mail verification, which
     * self-registered people go through, is not asked of them (Keycloak takes the provider's own verification). Until
     * it is live it is hidden on the login page: only the "try sign-in" link ({@code ?idp=}) reaches it (ADR 0022).
     */
    private static IdentityProviderRepresentation common(PartnerSignIn signIn, String displayName,
            String providerId) {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias(signIn.alias());
        provider.setHideOnLogin(!signIn.live());
        provider.setDisplayName(displayName);
        provider.setProviderId(providerId);
        provider.setEnabled(true);
        provider.setTrustEmail(true);
        provider.setStoreToken(false);
        provider.setAddReadTokenRoleOnCreate(false);
        provider.setLinkOnly(false);
        provider.setFirstBrokerLoginFlowAlias("first broker login");
        return provider;
    }

    /**
     * A SAML 2.0 provider: requests on the binding the metadata offers, responses by POST, every response's signature
     * checked against the certificates of the metadata, a persistent NameID as the person's stable name where offered.
     */
    private static IdentityProviderRepresentation samlProvider(PartnerSignIn signIn, String displayName) {
        SamlMetadata saml = signIn.saml();
        IdentityProviderRepresentation provider = common(signIn, displayName, "saml");
        Map<String, String> config = new HashMap<>();
        config.put("idpEntityId", saml.entityId());
        config.put("singleSignOnServiceUrl", saml.singleSignOnUrl());
        config.put("postBindingAuthnRequest", String.valueOf(saml.postBinding()));
        config.put("postBindingResponse", "true");
        if (saml.singleLogoutUrl() != null) {
            config.put("singleLogoutServiceUrl", saml.singleLogoutUrl());
            config.put("postBindingLogout", String.valueOf(saml.postBindingLogout()));
        }
        config.put("nameIDPolicyFormat", saml.nameIdFormat());
        config.put("principalType", "SUBJECT");
        config.put("wantAuthnRequestsSigned", String.valueOf(saml.wantAuthnRequestsSigned()));
        config.put("signatureAlgorithm", "RSA_SHA256");
        config.put("validateSignature", "true");
        config.put("signingCertificate", String.join(",", saml.signingCertificates()));
        config.put("wantAssertionsSigned", "false");
        config.put("wantAssertionsEncrypted", "false");
        config.put("allowCreate", "true");
        config.put("syncMode", "FORCE");
        config.put("backchannelSupported", "false");
        provider.setConfig(config);
        return provider;
    }

    static List<IdentityProviderMapperRepresentation> mappers(PartnerSignIn signIn) {
        if (signIn.usesSaml()) {
            List<IdentityProviderMapperRepresentation> mappers = new ArrayList<>(List.of(
                    mapper(signIn, ORGANISATION_MAPPER, HARDCODED_ATTRIBUTE, Map.of("syncMode", "FORCE",
                            "attribute", ORGANISATION_ATTRIBUTE, "attribute.value", signIn.organisationId())),
                    mapper(signIn, ROLE_MAPPER, "oidc-hardcoded-role-idp-mapper", Map.of("syncMode", "FORCE",
                            "role", "practitioner")),
                    mapper(signIn, USERNAME_MAPPER, "saml-username-idp-mapper", Map.of("syncMode", "IMPORT",
                            "template", signIn.usernameTemplate(), "target", "LOCAL"))));
            SAML_ATTRIBUTES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(attribute ->
                    mappers.add(mapper(signIn, attribute.getKey(), "saml-user-attribute-idp-mapper", Map.of(
                            "syncMode", "FORCE", "attribute.name", attribute.getValue(),
                            "user.attribute", attribute.getKey()))));
            return List.copyOf(mappers);
        }
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
        if (!wanted.getProviderId().equals(actual.getProviderId())) {
            differ.add("providerId");
        }
        if (!Objects.equals(wanted.isHideOnLogin(), Boolean.TRUE.equals(actual.isHideOnLogin()))) {
            differ.add("hideOnLogin");
        }
        if (!actual.isTrustEmail()) {
            // onboarded before the realm verified e-mail addresses, or changed by hand: staff would be asked to verify
            differ.add("trustEmail");
        }
        for (String setting : signIn.usesSaml() ? COMPARED_SAML : COMPARED) {
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

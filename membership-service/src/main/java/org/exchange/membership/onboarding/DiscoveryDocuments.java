package org.exchange.membership.onboarding;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches an OpenID Connect provider's discovery document and checks that Keycloak could broker the provider from it:
 * an answer at all, JSON, and absolute http(s) addresses for the issuer and the authorization, token and keys
 * endpoints. A programme admin hears what is wrong before anything is stored or configured.
 */
@Component
class DiscoveryDocuments {

    /** A document larger than this is not a discovery document. */
    private static final int LARGEST = 256 * 1024;
    private static final String FIELD = "discoveryUrl";

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * The provider's endpoints, as its discovery document names them.
     *
     * @throws Unusable when the document cannot be fetched or does not describe a provider Keycloak can broker
     */
    Discovery fetch(String discoveryUrl) {
        String answer = ProviderDocuments.fetch(discoveryUrl, "application/json", "The discovery document", FIELD,
                LARGEST);
        JsonNode document;
        try {
            document = json.readTree(answer);
        } catch (JacksonException e) {
            throw new Unusable(FIELD, "The answer at " + discoveryUrl + " is not JSON, so not a discovery document");
        }
        if (document == null || !document.isObject()) {
            throw new Unusable(FIELD, "The answer at " + discoveryUrl
                    + " is not a JSON object, so not a discovery document");
        }
        List<String> wrong = new ArrayList<>();
        String issuer = required(document, "issuer", wrong);
        String authorization = required(document, "authorization_endpoint", wrong);
        String token = required(document, "token_endpoint", wrong);
        String keys = required(document, "jwks_uri", wrong);
        String userInfo = optional(document, "userinfo_endpoint", wrong);
        String logout = optional(document, "end_session_endpoint", wrong);
        if (!wrong.isEmpty()) {
            throw new Unusable(FIELD, "The discovery document at " + discoveryUrl + " is not usable: "
                    + String.join("; ", wrong));
        }
        return new Discovery(issuer, authorization, token, userInfo, keys, logout);
    }

    /** Whether the discovery document can be fetched and used now (for the health view). */
    boolean usable(String discoveryUrl) {
        try {
            fetch(discoveryUrl);
            return true;
        } catch (Unusable e) {
            return false;
        }
    }

    private static String required(JsonNode document, String name, List<String> wrong) {
        JsonNode value = document.get(name);
        if (value == null || value.isNull() || !value.isString() || value.asString().isBlank()) {
            wrong.add(name + " is missing");
            return null;
        }
        return checked(name, value.asString(), wrong);
    }

    private static String optional(JsonNode document, String name, List<String> wrong) {
        JsonNode value = document.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            wrong.add(name + " is not an address");
            return null;
        }
        return checked(name, value.asString(), wrong);
    }

    private static String checked(String name, String value, List<String> wrong) {
        try {
            if (ProviderDocuments.isHttp(URI.create(value))) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        wrong.add(name + " is not an absolute http(s) address");
        return null;
    }
}

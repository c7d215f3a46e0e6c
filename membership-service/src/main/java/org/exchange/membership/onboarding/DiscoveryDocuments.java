package org.exchange.membership.onboarding;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
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

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * The provider's endpoints, as its discovery document names them.
     *
     * @throws Unusable when the document cannot be fetched or does not describe a provider Keycloak can broker
     */
    Discovery fetch(String discoveryUrl) {
        URI address = address(discoveryUrl);
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unusable("The discovery document at " + discoveryUrl + " did not arrive in time");
        } catch (IOException e) {
            throw new Unusable("The discovery document at " + discoveryUrl + " could not be reached ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unusable("Fetching the discovery document at " + discoveryUrl + " was interrupted");
        }
        if (answer.statusCode() != 200) {
            throw new Unusable("The discovery document at " + discoveryUrl + " answered HTTP " + answer.statusCode()
                    + " instead of 200");
        }
        if (answer.body().length() > LARGEST) {
            throw new Unusable("The answer at " + discoveryUrl + " is too large to be a discovery document");
        }
        JsonNode document;
        try {
            document = json.readTree(answer.body());
        } catch (JacksonException e) {
            throw new Unusable("The answer at " + discoveryUrl + " is not JSON, so not a discovery document");
        }
        if (document == null || !document.isObject()) {
            throw new Unusable("The answer at " + discoveryUrl + " is not a JSON object, so not a discovery document");
        }
        List<String> wrong = new ArrayList<>();
        String issuer = required(document, "issuer", wrong);
        String authorization = required(document, "authorization_endpoint", wrong);
        String token = required(document, "token_endpoint", wrong);
        String keys = required(document, "jwks_uri", wrong);
        String userInfo = optional(document, "userinfo_endpoint", wrong);
        String logout = optional(document, "end_session_endpoint", wrong);
        if (!wrong.isEmpty()) {
            throw new Unusable("The discovery document at " + discoveryUrl + " is not usable: "
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

    private static URI address(String discoveryUrl) {
        try {
            URI address = URI.create(discoveryUrl);
            if (isHttp(address)) {
                return address;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw new Unusable("The discovery URL " + discoveryUrl + " is not an absolute http(s) address");
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
            if (isHttp(URI.create(value))) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        wrong.add(name + " is not an absolute http(s) address");
        return null;
    }

    private static boolean isHttp(URI address) {
        return address.isAbsolute() && ("https".equalsIgnoreCase(address.getScheme())
                || "http".equalsIgnoreCase(address.getScheme())) && address.getHost() != null;
    }

    /** The discovery document cannot be fetched, or does not describe a provider Keycloak can broker: 422. */
    static final class Unusable extends RuntimeException {
        Unusable(String what) {
            super(what);
        }
    }
}

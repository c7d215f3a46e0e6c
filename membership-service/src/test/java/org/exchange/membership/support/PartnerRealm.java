package org.exchange.membership.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A partner college's own OpenID Connect identity provider, played by a second realm of the test's Keycloak, with the
 * platform as its client {@code exchange-broker}; and a person's sign-in through it into the platform realm as a
 * browser makes it (the gateway's {@code ?idp=} link: Keycloak's {@code kc_idp_hint}, the college's login form,
 * Keycloak's first broker login), so that Keycloak records it as it records any other.
 */
public final class PartnerRealm {

    /** The password of every person of a partner realm. */
    public static final String PASSWORD = "demo";

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final String PLATFORM_CLIENT = "exchange-gateway";
    private static final String PLATFORM_REDIRECT = "http://localhost:8080/login/oauth2/code/keycloak";

    private PartnerRealm() {
    }

    /** Creates the college's realm with the platform as its client, and its staff (username, e-mail at realm.test). */
    public static void create(RealKeycloak keycloak, String realm, String brokerSecret, String... staff) {
        keycloak.asKeycloakAdministrator(admin -> {
            RealmRepresentation college = new RealmRepresentation();
            college.setRealm(realm);
            college.setEnabled(true);
            ClientRepresentation broker = new ClientRepresentation();
            broker.setClientId("exchange-broker");
            broker.setSecret(brokerSecret);
            broker.setRedirectUris(List.of(keycloak.baseUrl() + "/realms/exchange/broker/*"));
            college.setClients(List.of(broker));
            college.setUsers(java.util.Arrays.stream(staff).map(username -> person(realm, username)).toList());
            admin.realms().create(college);
            return null;
        });
    }

    /**
     * The person's id in the college's realm (their subject there): the same each time the realm is made, as a
     * partner's own identity provider keeps its people's ids whatever happens to the platform's Keycloak.
     */
    public static String idOf(String realm, String username) {
        return UUID.nameUUIDFromBytes((realm + "/" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static UserRepresentation person(String realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setId(idOf(realm, username));
        user.setUsername(username);
        user.setEmail(username + "@" + realm + ".test");
        user.setEmailVerified(true);
        user.setFirstName(Character.toUpperCase(username.charAt(0)) + username.substring(1));
        user.setLastName("Of " + realm);
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return user;
    }

    /**
     * Signs the person in to the platform realm through the provider under {@code alias}, as the gateway's
     * {@code ?idp=} link starts it and a browser follows it, up to Keycloak's redirect back to the gateway with a code.
     *
     * @return where Keycloak sent the browser in the end: the gateway's address with a code when it succeeded
     */
    public static URI signInThrough(RealKeycloak keycloak, String alias, String username) {
        Browser browser = new Browser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        URI next = URI.create(keycloak.baseUrl() + "/realms/exchange/protocol/openid-connect/auth?client_id="
                + PLATFORM_CLIENT + "&response_type=code&scope=openid&redirect_uri=" + encoded(PLATFORM_REDIRECT)
                + "&state=" + UUID.randomUUID() + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&kc_idp_hint=" + alias);
        HttpResponse<String> answer = send(browser, HttpRequest.newBuilder(next).GET().build());
        for (int step = 0; step < 20; step++) {
            if (answer.statusCode() / 100 == 3) {
                next = next.resolve(answer.headers().firstValue("Location").orElseThrow());
                if (next.toString().startsWith(PLATFORM_REDIRECT)) {
                    return next;
                }
                answer = send(browser, HttpRequest.newBuilder(next).GET().build());
            } else if (answer.statusCode() == 200 && FORM_ACTION.matcher(answer.body()).find()) {
                Matcher form = FORM_ACTION.matcher(answer.body());
                form.find();
                next = URI.create(form.group(1).replace("&amp;", "&"));
                answer = send(browser, HttpRequest.newBuilder(next)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encoded(username) + "&password="
                                + encoded(PASSWORD) + "&credentialId="))
                        .build());
            } else {
                throw new AssertionError("Keycloak answered " + answer.statusCode() + " at " + next + ":\n"
                        + answer.body());
            }
        }
        throw new AssertionError("The sign-in through " + alias + " did not come back to the platform");
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(Browser browser, HttpRequest request) {
        return browser.send(request);
    }

    /**
     * Cookies as a browser keeps them for {@code http://localhost}, which it treats as a secure context: Keycloak marks
     * its cookies {@code Secure}, which the JDK's {@code CookieManager} never sends over http. Kept per path, since
     * the platform realm and the college's realm use the same cookie names under their own paths.
     */
    private static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest request) {
            String path = request.uri().getPath();
            String sent = cookies.entrySet().stream()
                    .filter(cookie -> path.startsWith(cookie.getKey().substring(0, cookie.getKey().indexOf(' '))))
                    .map(cookie -> cookie.getKey().substring(cookie.getKey().indexOf(' ') + 1) + "="
                            + cookie.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpRequest withCookies = sent.isEmpty() ? request
                    : HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", sent).build();
            HttpResponse<String> answer;
            try {
                answer = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (String header : answer.headers().allValues("Set-Cookie")) {
                String[] parts = header.split(";");
                int equals = parts[0].indexOf('=');
                String cookiePath = "/";
                boolean expired = false;
                for (String attribute : parts) {
                    String trimmed = attribute.strip().toLowerCase(java.util.Locale.ROOT);
                    if (trimmed.startsWith("path=")) {
                        cookiePath = attribute.strip().substring(5);
                    }
                    expired |= trimmed.equals("max-age=0") || trimmed.startsWith("expires=thu, 01 jan 1970");
                }
                String key = cookiePath + " " + parts[0].substring(0, equals).strip();
                if (expired) {
                    cookies.remove(key);
                } else {
                    cookies.put(key, parts[0].substring(equals + 1).strip());
                }
            }
            return answer;
        }
    }
}

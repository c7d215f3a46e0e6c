package org.exchange.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

/**
 * A Keycloak that takes the connection and never answers fails the gateway's call in time instead of holding it, after
 * one more try on another connection (Keycloak 26.6.2-26.7.3 now and then never reads a token request's body).
 */
class IdentityProviderCallsTest {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket silent;
    private ClientRegistration registration;
    /** Whether the second connection is answered with tokens, as Keycloak answers a request it did read. */
    private volatile boolean answersTheSecondTry;
    private final IdentityProviderCalls calls = new IdentityProviderCalls(Duration.ofSeconds(1));

    @BeforeEach
    void aKeycloakThatNeverAnswers() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!silent.isClosed()) {
                try {
                    Socket connection = silent.accept();
                    held.add(connection);
                    if (answersTheSecondTry && held.size() == 2) {
                        answerWithTokens(connection);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        });
        String base = "http://127.0.0.1:" + silent.getLocalPort() + "/realms/exchange/protocol/openid-connect";
        registration = ClientRegistration.withRegistrationId("keycloak").clientId("exchange-gateway")
                .clientSecret("secret").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://localhost/login/oauth2/code/keycloak").authorizationUri(base + "/auth")
                .tokenUri(base + "/token").userInfoUri(base + "/userinfo").build();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void exchangingASignInsCodeForTokensGivesUpInsteadOfWaitingForever() {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId("exchange-gateway").redirectUri(registration.getRedirectUri()).state("s").build();
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success("code").state("s")
                .redirectUri(registration.getRedirectUri()).build();
        var grant = new OAuth2AuthorizationCodeGrantRequest(registration,
                new OAuth2AuthorizationExchange(request, response));

        assertThatThrownBy(() -> calls.authorizationCodeTokens().getTokenResponse(grant)
                .block(Duration.ofSeconds(20)))
                .as("the call fails by the gateway's own timeout, not the test's 20 s guard")
                .satisfies(error -> assertThat(causes(error)).anyMatch(TimeoutException.class::isInstance));
        assertThat(held).as("one connection for the call and one for its second try").hasSize(2);
    }

    @Test
    void refreshingASessionsAccessTokenGivesUpInsteadOfHoldingTheRelayedRequest() {
        assertThatThrownBy(() -> calls.refreshTokens().getTokenResponse(refreshGrant()).block(Duration.ofSeconds(20)))
                .satisfies(error -> assertThat(causes(error)).anyMatch(TimeoutException.class::isInstance));
        assertThat(held).hasSize(2);
    }

    @Test
    void aTokenRequestKeycloakLeftUnreadIsSentOnceMoreAndItsAnswerUsed() {
        answersTheSecondTry = true;

        var tokens = calls.refreshTokens().getTokenResponse(refreshGrant()).block(Duration.ofSeconds(20));

        assertThat(tokens.getAccessToken().getTokenValue()).isEqualTo("fresh");
        assertThat(held).hasSize(2);
    }

    private OAuth2RefreshTokenGrantRequest refreshGrant() {
        return new OAuth2RefreshTokenGrantRequest(registration,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "expired", java.time.Instant.now()
                        .minusSeconds(120), java.time.Instant.now().minusSeconds(60)),
                new OAuth2RefreshToken("refresh", java.time.Instant.now().minusSeconds(120)));
    }

    /** Reads one request (its headers, then as many bytes of body as they announce) and answers it with tokens. */
    private static void answerWithTokens(Socket connection) throws IOException {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(connection.getInputStream(),
                java.nio.charset.StandardCharsets.ISO_8859_1));
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.read(new char[length], 0, length);
        String body = "{\"access_token\":\"fresh\",\"token_type\":\"Bearer\",\"expires_in\":300}";
        connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        connection.getOutputStream().flush();
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = error; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}

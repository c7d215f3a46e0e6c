package org.exchange.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.ReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.DefaultReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;

/**
 * The gateway's back-channel calls to Keycloak - exchanging a sign-in's code for tokens, refreshing a session's access
 * token before relaying a request, reading the user info - each with a connect and a response timeout. Spring
 * Security's own clients have none, so a Keycloak that accepted a connection and never answered held a sign-in (or
 * every relayed request of a session whose token was due for refresh) open for good; now the call fails after
 * {@code exchange.gateway.identity-provider-timeout} and the person sees the sign-in error or a 401 problem.
 */
@Configuration(proxyBeanMethods = false)
class IdentityProviderCalls {

    private final WebClient keycloak;

    IdentityProviderCalls(@Value("${exchange.gateway.identity-provider-timeout:PT10S}") Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 3_000))
                .responseTimeout(timeout);
        this.keycloak = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Picked up by {@code oauth2Login}: the code of a sign-in exchanged for its tokens. */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokens() {
        WebClientReactiveAuthorizationCodeTokenResponseClient client =
                new WebClientReactiveAuthorizationCodeTokenResponseClient();
        client.setWebClient(keycloak);
        return client;
    }

    /** Used by the authorized client manager when a session's access token is due for refresh. */
    @Bean
    ReactiveOAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokens() {
        WebClientReactiveRefreshTokenTokenResponseClient client = new WebClientReactiveRefreshTokenTokenResponseClient();
        client.setWebClient(keycloak);
        return client;
    }

    /** Picked up by {@code oauth2Login}: the signed-in person's user info. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUsers() {
        DefaultReactiveOAuth2UserService userInfo = new DefaultReactiveOAuth2UserService();
        userInfo.setWebClient(keycloak);
        OidcReactiveOAuth2UserService users = new OidcReactiveOAuth2UserService();
        users.setOauth2UserService(userInfo);
        return users;
    }
}

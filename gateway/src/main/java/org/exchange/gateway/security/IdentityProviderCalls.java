package org.exchange.gateway.security;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * The gateway's back-channel calls to Keycloak - exchanging a sign-in's code for tokens, refreshing a session's access
 * token before relaying a request, reading the user info - each with a connect timeout and a deadline for the whole
 * call. Spring Security's own clients have none, so a Keycloak that accepted a connection and never answered held a
 * sign-in (or every relayed request of a session whose token was due for refresh) open for good.
 * <p>
 * A call not answered by {@code exchange.gateway.identity-provider-timeout} is abandoned (its connection closed) and
 * sent once more on another connection; a second failure is the person's sign-in error or a 401 problem. The second try
 * is there because Keycloak 26.6.2 to 26.7.3 now and then never reads a form body it was sent (its token endpoint's
 * request waits on a worker thread until the connection closes: keycloak#49635, a Quarkus race fixed in 26.7.4, which
 * is not yet served here); the browser tests met it as a sign-in that hung after Keycloak's redirect. A token request
 * Keycloak never read is safe to send again; one it did read and answered too late fails the second time (a code is
 * used once), which is the error the person would have seen anyway.
 */
@Configuration(proxyBeanMethods = false)
class IdentityProviderCalls {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderCalls.class);

    private final WebClient keycloak;

    IdentityProviderCalls(@Value("${exchange.gateway.identity-provider-timeout:PT10S}") Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 3_000));
        this.keycloak = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .filter(answeredInTime(timeout)).build();
    }

    /** Each call answered within the timeout (the whole exchange, sending included), else tried once more. */
    static ExchangeFilterFunction answeredInTime(Duration timeout) {
        return (request, next) -> next.exchange(request)
                .timeout(timeout)
                .retryWhen(Retry.max(1)
                        .filter(error -> error instanceof TimeoutException || error instanceof WebClientRequestException)
                        .doBeforeRetry(failed -> log.warn("Keycloak did not answer {} {} ({}); trying once more",
                                request.method(), request.url().getPath(), failed.failure().toString()))
                        .onRetryExhaustedThrow((spec, failed) -> failed.failure()));
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

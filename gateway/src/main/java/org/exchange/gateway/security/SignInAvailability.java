package org.exchange.gateway.security;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import org.exchange.gateway.portal.PageLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Someone starting to sign in while the identity provider cannot be reached (stopped, restarting) gets a clear page
 * saying so (503, {@code Retry-After}) instead of being sent to an address their browser cannot open. Only a refused
 * or unreachable connection counts as "not available": a slow answer still sends them on. A successful check holds
 * for ten seconds. People already signed in are not affected: the gateway relays their tokens without asking Keycloak.
 */
@Component
class SignInAvailability implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SignInAvailability.class);
    private static final String SIGN_IN = "/oauth2/authorization/";
    private static final Duration TRUSTED_FOR = Duration.ofSeconds(10);

    private final ReactiveClientRegistrationRepository registrations;
    private final HttpClient probe = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
            .responseTimeout(Duration.ofSeconds(10));
    private final ErrorPage page;
    private volatile Instant availableUntil = Instant.MIN;

    SignInAvailability(ReactiveClientRegistrationRepository registrations, PageLayout layout) {
        this.registrations = registrations;
        this.page = new ErrorPage(HttpStatus.SERVICE_UNAVAILABLE, "/error/sign-in-unavailable.html", layout);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith(SIGN_IN) || Instant.now().isBefore(availableUntil)) {
            return chain.filter(exchange);
        }
        String registrationId = path.substring(SIGN_IN.length());
        return registrations.findByRegistrationId(registrationId)
                .flatMap(registration -> reachable(registration.getProviderDetails().getAuthorizationUri()))
                .onErrorResume(lookupFailed -> Mono.just(false))
                .defaultIfEmpty(true) // an unknown registration: Spring Security answers it
                .flatMap(available -> {
                    if (available) {
                        availableUntil = Instant.now().plus(TRUSTED_FOR);
                        return chain.filter(exchange);
                    }
                    return unavailable(exchange);
                });
    }

    private Mono<Boolean> reachable(String authorizationUri) {
        return probe.get().uri(authorizationUri).response().map(response -> true)
                .onErrorResume(error -> {
                    boolean down = error instanceof ConnectException || error instanceof ConnectTimeoutException
                            || error instanceof UnknownHostException || error.getCause() instanceof ConnectException;
                    if (down) {
                        log.warn("Sign-in is not available: the identity provider at {} cannot be reached ({})",
                                authorizationUri, error.toString());
                    }
                    return Mono.just(!down);
                });
    }

    private Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
        return page.write(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

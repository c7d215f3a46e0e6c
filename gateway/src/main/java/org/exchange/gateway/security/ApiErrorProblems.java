package org.exchange.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Any error the gateway itself raises on an API call is a problem detail, like the services' errors, instead of
 * Spring Boot's own JSON; portal pages keep their HTML error pages.
 */
@Component
@Order(-2)
class ApiErrorProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        // an expired sign-in is GatewaySecurity's (a 401 that sends the person to sign in again)
        if (!exchange.getRequest().getPath().value().startsWith("/api/") || exchange.getResponse().isCommitted()
                || error instanceof ClientAuthorizationException) {
            return Mono.error(error);
        }
        HttpStatusCode code = error instanceof ResponseStatusException refused ? refused.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value()) == null ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(code.value());
        String detail = status.is5xxServerError() || !(error instanceof ResponseStatusException refused)
                || refused.getReason() == null
                        ? status.is5xxServerError()
                                ? "Something went wrong on our side; it has been logged. Please try again later."
                                : "The request was refused: " + status.getReasonPhrase()
                        : refused.getReason();
        if (status.is5xxServerError()) {
            log.error("Unexpected failure answering {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), error);
        }
        exchange.getResponse().getHeaders().clear();
        return Problems.write(exchange, status, detail);
    }
}

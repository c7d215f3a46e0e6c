package org.exchange.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Answers a portal page request with the portal's own error page for that status. */
final class ErrorPage implements ServerAccessDeniedHandler {

    private final HttpStatus status;
    private final byte[] page;

    ErrorPage(HttpStatus status) {
        this.status = status;
        try {
            this.page = new ClassPathResource("static/error/" + status.value() + ".html").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The portal's error page for " + status + " is missing", e);
        }
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.TEXT_HTML);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page)));
    }
}

package org.exchange.gateway.security;

import java.nio.charset.StandardCharsets;

import org.exchange.gateway.portal.PageLayout;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Answers a portal page request with one of the portal's own error pages, in the portal's layout. */
final class ErrorPage implements ServerAccessDeniedHandler {

    private final HttpStatus status;
    private final String page;
    private final PageLayout layout;

    /** The page for that status: {@code error/403.html} for 403. */
    ErrorPage(HttpStatus status, PageLayout layout) {
        this(status, "/error/" + status.value() + ".html", layout);
    }

    ErrorPage(HttpStatus status, String page, PageLayout layout) {
        this.status = status;
        this.page = page;
        this.layout = layout;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange);
    }

    Mono<Void> write(ServerWebExchange exchange) {
        return layout.render(page)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("The portal's error page " + page
                        + " is missing")))
                .flatMap(html -> {
                    var response = exchange.getResponse();
                    response.setStatusCode(status);
                    response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
                    return response.writeWith(Mono.just(response.bufferFactory()
                            .wrap(html.getBytes(StandardCharsets.UTF_8))));
                });
    }
}

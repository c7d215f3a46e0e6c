package org.exchange.gateway.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A portal section's address ({@code /admin/}, and the portal's own {@code /}) serves that folder's
 * {@code index.html}, as a web server would.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalPages implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.endsWith("/") && !path.startsWith("/api/") && !path.startsWith("/actuator/")) {
            return chain.filter(exchange.mutate()
                    .request(request -> request.path(path + "index.html"))
                    .build());
        }
        return chain.filter(exchange);
    }
}

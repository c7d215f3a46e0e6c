package org.exchange.gateway.security;

import java.util.List;

import org.exchange.gateway.portal.PortalFiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A page address the portal does not have: anyone, signed in or not, gets the portal's 404 page for it, rather than
 * being sent to sign in first for a page that is not there. Matches reads of paths outside the API, sign-in and
 * operations paths for which no file exists in the portal's static locations.
 */
final class UnknownPages implements ServerWebExchangeMatcher {

    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator/", "/oauth2/", "/login", "/logout");

    private final PortalFiles files;

    UnknownPages(PortalFiles files) {
        this.files = files;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || NOT_PAGES.stream().anyMatch(path::startsWith) || path.contains("..")
                || files.find(path).isPresent()) {
            return MatchResult.notMatch();
        }
        return MatchResult.match();
    }
}

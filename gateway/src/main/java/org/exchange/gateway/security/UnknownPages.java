package org.exchange.gateway.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
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

    private final ResourceLoader resources;
    private final List<String> locations;

    /** @param staticLocations {@code spring.web.resources.static-locations}, comma-separated */
    UnknownPages(ResourceLoader resources, String staticLocations) {
        this.resources = resources;
        this.locations = Arrays.stream(staticLocations.split(","))
                .map(String::strip).filter(location -> !location.isEmpty())
                .map(location -> location.endsWith("/") ? location : location + "/")
                .toList();
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || NOT_PAGES.stream().anyMatch(path::startsWith) || path.contains("..") || exists(path)) {
            return MatchResult.notMatch();
        }
        return MatchResult.match();
    }

    private boolean exists(String path) {
        String relative = path.substring(1);
        for (String location : locations) {
            Resource resource = resources.getResource(location + relative);
            if (resource.exists() && resource.isReadable()) {
                return true;
            }
        }
        return false;
    }
}

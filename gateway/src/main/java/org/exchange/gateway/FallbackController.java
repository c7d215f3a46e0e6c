package org.exchange.gateway;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;

/**
 * What a caller gets when a service is down, slow, or its circuit is open: a 503 problem detail that says which
 * part of the platform is unavailable and when to try again.
 */
@RestController
class FallbackController {

    static final String RETRY_AFTER_SECONDS = "10";

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " part of the platform is not answering just now. Please try again shortly.");
        problem.setTitle("Service Unavailable");
        URI original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR) instanceof
                java.util.Set<?> urls && !urls.isEmpty() && urls.iterator().next() instanceof URI uri ? uri : null;
        if (original != null) {
            problem.setInstance(URI.create(original.getRawPath()));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

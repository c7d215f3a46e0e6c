package org.exchange.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/** Errors the gateway raises itself on API calls, found by fuzzing, are problem details. */
class ApiErrorAnswersTest {

    @Test
    void aContentTypeThatIsNoMediaTypeIsA415ProblemNotAServerError() {
        for (String type : new String[] { "garbage", "application/json;charset=no-such-charset" }) {
            MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                    .post("/api/membership/me/profile").header("Content-Type", type).header("Content-Length", "2")
                    .build());

            new RequestSizeLimit(1_048_576, 6_291_456).filter(exchange, passed -> Mono.empty()).block();

            assertThat(exchange.getResponse().getStatusCode()).as(type).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(exchange.getResponse().getHeaders().getContentType())
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void anErrorOnAnApiCallIsAProblemAndOnAPortalPageIsLeftToThePortal() {
        MockServerWebExchange api = MockServerWebExchange.from(MockServerHttpRequest.get("/api/exchange/meetings"));
        new ApiErrorProblems().handle(api, new IllegalStateException("boom")).block();
        assertThat(api.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(api.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.getResponse().getBodyAsString().block()).contains("\"detail\"").doesNotContain("boom");

        MockServerWebExchange refused = MockServerWebExchange.from(MockServerHttpRequest.get("/api/exchange/x"));
        new ApiErrorProblems().handle(refused, new ResponseStatusException(HttpStatus.NOT_FOUND, "No such route"))
                .block();
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getResponse().getBodyAsString().block()).contains("No such route");

        MockServerWebExchange page = MockServerWebExchange.from(MockServerHttpRequest.get("/groups/"));
        assertThat(new ApiErrorProblems().handle(page, new IllegalStateException("boom"))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty()).then(Mono.just("passed on")).block())
                .isEqualTo("passed on");
        assertThat(page.getResponse().getStatusCode()).isNull();
    }
}

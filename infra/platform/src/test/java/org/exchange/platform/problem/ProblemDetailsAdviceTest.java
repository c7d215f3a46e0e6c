package org.exchange.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MultipartException;

/** Failures found by fuzzing the APIs, answered as problems instead of 500s. */
class ProblemDetailsAdviceTest {

    @Test
    void aMultipartBodyWithoutBoundaryIsABadRequestNotAServerError() {
        var answer = new ProblemDetailsAdvice().unreadableMultipart(new MultipartException(
                "Failed to parse multipart servlet request"), new MockHttpServletRequest("POST", "/api/x/evidence"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().getDetail()).contains("multipart/form-data");
    }
}

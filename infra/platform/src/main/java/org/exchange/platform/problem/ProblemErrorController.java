package org.exchange.platform.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page, {@code /error}, as a problem detail instead of Spring Boot's own JSON: what
 * the container sends there (a method it refuses, an error raised outside Spring MVC) is problem+json like every
 * other error of the platform, whatever the request accepts. Not part of any service's API document.
 */
@Hidden
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        HttpStatus known = HttpStatus.resolve(status);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = status >= 500 || known == null || message == null || message.toString().isBlank()
                ? detailFor(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known)
                : "The request was refused: " + message;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, detail, uri == null ? null : uri.toString()));
    }

    /** A problem for any status, known to Spring or not. */
    static ProblemDetail problem(int status, String detail, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null) {
            return ProblemResponses.problem(known, detail, path);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(
                status), detail);
        problem.setTitle("Error " + status);
        return problem;
    }

    /** What to say when nothing more specific is known. */
    static String detailFor(HttpStatus status) {
        if (status.is5xxServerError()) {
            return "Something went wrong on our side; it has been logged. Please try again later.";
        }
        return "The request was refused: " + status.getReasonPhrase();
    }
}

package org.exchange.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * One mapping from every failure to RFC 9457 problem details: Spring MVC's own errors (unreadable bodies, type
 * mismatches, unsupported methods ...), Bean Validation, the platform's domain exceptions, and a last resort that
 * never shows a stack trace to the caller.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, e.getMessage(),
                request.getRequestURI());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return respond(problem);
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(answer.getBody());
    }

    @ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e, HttpServletRequest request) {
        String detail = e instanceof ForbiddenException ? e.getMessage() : "You are not allowed to do this";
        return answer(HttpStatus.FORBIDDEN, detail, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "The request is not valid",
                request.getRequestURI());
        problem.setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
                .toList());
        return respond(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e, HttpServletRequest request) {
        return answer(HttpStatus.CONFLICT, "Someone else changed this at the same time; reload and try again", request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused a change that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
        return answer(HttpStatus.CONFLICT, "This change conflicts with data that already exists", request);
    }

    /**
     * The database cannot be reached just now (restarting, failing over, out of connections): a 503 with
     * {@code Retry-After}, never a hang or a 500. Nothing was written: the transaction never began, or rolled back.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            QueryTimeoutException.class, TransientDataAccessResourceException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("The database is not available answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.SERVICE_UNAVAILABLE,
                "This part of the platform cannot reach its data just now; nothing was changed. Please try again "
                        + "in a few seconds.", request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(answer.getBody());
    }

    /** A multipart body that cannot be parsed (no boundary, cut short); one too large is a 413 of the base class. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "The request is not a readable multipart/form-data body (with a boundary"
                + " and complete parts)", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged. Please try again later.", request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = e.getBody();
        problem.setDetail("The request is not valid");
        problem.setProperty("errors", fieldErrors(e.getBindingResult().getFieldErrors()));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = e.getBody();
        problem.setDetail("The request is not valid");
        problem.setProperty("errors", e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of("field", result.getMethodParameter().getParameterName() == null ? ""
                                : result.getMethodParameter().getParameterName(),
                                "message", String.valueOf(error.getDefaultMessage()))))
                .toList());
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * A body that cannot be read names what is wrong with it: the field (as a path, {@code when.startsAt},
     * {@code attendees[0].role}), a missing required number, or a value outside an enum's allowed values.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
        JacksonException unreadable = cause(e, JacksonException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            problem.setDetail("The request is not valid");
            problem.setProperty("errors", List.of(BodyErrors.of(mismatch)));
        } else if (unreadable != null) {
            problem.setDetail("The request body is not valid JSON: " + unreadable.getOriginalMessage());
        } else {
            problem.setDetail("The request needs a JSON body");
        }
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** A path or query parameter of the wrong type names the parameter, and an enum's allowed values. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", name == null ? "" : name);
        error.put("message", "'" + e.getValue() + "' is not " + BodyErrors.describe(type));
        if (type != null && type.isEnum()) {
            error.put("allowedValues", BodyErrors.allowedValues(type));
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setDetail("The request is not valid");
        problem.setProperty("errors", List.of(error));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, HttpServletRequest request) {
        return respond(ProblemResponses.problem(status, detail, request.getRequestURI()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

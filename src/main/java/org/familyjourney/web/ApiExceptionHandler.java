package org.familyjourney.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into application/problem+json that says what to do about it.
 * A user's mistake is a 4xx naming the problem; only our own faults are 5xx, and those never carry
 * a stack trace or the data that was sent. It serves JSON controllers only (the API and the pages'
 * JSON calls); page controllers have {@link PageExceptionHandler}, and failures before any
 * controller (unknown address, wrong method or media type) reach {@link ErrorPages}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Some fields need attention: "
                + e.problems().stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", ")) + ".");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", e.problems());
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch.getPath());
            String expected = mismatch instanceof InvalidFormatException invalid
                    ? "a value of type " + invalid.getTargetType().getSimpleName()
                    : "a value of type " + (mismatch.getTargetType() == null ? "another kind" : mismatch.getTargetType().getSimpleName());
            return invalid(new InvalidInputException(field, "must be " + expected));
        }
        return respond(problem(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON. Send a JSON object with Content-Type: application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON (Content-Type: application/json)."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(problem(HttpStatus.NOT_ACCEPTABLE, "This address answers with JSON (Accept: application/json)."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + "."));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> parameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return invalid(new InvalidInputException(name, "is missing or has the wrong form"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "The upload is too large."));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "There is nothing at this address."));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage());
        e.facts().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(Exception e) {
        return respond(problem(HttpStatus.FORBIDDEN, "Your role does not allow this."));
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(ServiceUnavailableException e) {
        log.warn("Dependency unavailable: {}", e.getMessage());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        HttpStatus refused = ClientErrors.statusOf(e);
        if (refused != null) {
            log.info("API request refused: {} ({})", refused.value(), e.getClass().getSimpleName());
            return respond(problem(refused, ClientErrors.detail((org.springframework.web.ErrorResponse) e, refused)));
        }
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable during an API call ({})", e.getClass().getSimpleName());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
            problem.setTitle("Database unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected failure of an API call", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing you sent was lost. Please try again, or tell your administrator."));
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

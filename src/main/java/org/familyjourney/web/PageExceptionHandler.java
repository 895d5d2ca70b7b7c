package org.familyjourney.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of page controllers as a friendly page in words: what happened and what to do, never a
 * stack trace. JSON controllers are served first by {@link ApiExceptionHandler} (higher order).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    static final String ERROR_VIEW = "error/page";
    private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), response, locale);
    }

    /** A mistyped address (/tasks/abc) is a page that is not there; a mistyped form or query value is a bad request. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mistyped(MethodArgumentTypeMismatchException e, HttpServletResponse response, Locale locale) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(HttpStatus.NOT_FOUND, null, response, locale);
        }
        return page(HttpStatus.BAD_REQUEST, e.getName() + " has the wrong form.", response, locale);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.CONFLICT, e.getMessage(), response, locale);
    }

    @ExceptionHandler({InvalidInputException.class, MissingServletRequestParameterException.class})
    ModelAndView invalid(Exception e, HttpServletResponse response, Locale locale) {
        String detail = e instanceof InvalidInputException invalid
                ? invalid.problems().stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse(null)
                : ((MissingServletRequestParameterException) e).getParameterName() + " is missing.";
        return page(HttpStatus.BAD_REQUEST, detail, response, locale);
    }

    /**
     * A form the binder cannot read at all: a field that is not one of the form's (children[300].name),
     * text where the form has a group of fields, or a body that is not the form's encoding.
     */
    @ExceptionHandler({org.springframework.validation.BindException.class, org.springframework.beans.InvalidPropertyException.class,
            org.springframework.web.multipart.MultipartException.class,
            org.springframework.web.HttpMediaTypeNotSupportedException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class})
    ModelAndView unreadable(Exception e, HttpServletResponse response, Locale locale) {
        String field = e instanceof org.springframework.validation.BindException bind && bind.getFieldError() != null
                ? bind.getFieldError().getField()
                : e instanceof org.springframework.beans.InvalidPropertyException property ? property.getPropertyName() : null;
        log.info("Unreadable form submission ({})", e.getClass().getSimpleName());
        return page(HttpStatus.BAD_REQUEST, field == null
                ? "The form could not be read. Send it from its page, as application/x-www-form-urlencoded."
                : "The form's field " + field + " could not be read: it is not one of the form's fields, or not of its kind.",
                response, locale);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ModelAndView denied(Exception e, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.FORBIDDEN, null, response, locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(Exception e, HttpServletResponse response, Locale locale) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, null, response, locale);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ModelAndView unavailable(ServiceUnavailableException e, HttpServletResponse response, Locale locale) {
        log.warn("Dependency unavailable: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), response, locale);
    }

    /** A live task list (server-sent events) whose browser went away: nothing to show and nothing wrong. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("A browser left a live page: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response, Locale locale) {
        HttpStatus refused = ClientErrors.statusOf(e);
        if (refused != null) {
            log.info("Page request refused: {} ({})", refused.value(), e.getClass().getSimpleName());
            return page(refused, null, response, locale);
        }
        if (DatabaseUnavailable.is(e)) {
            log.warn("Database unavailable during a page ({})", e.getClass().getSimpleName());
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return page(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, response, locale);
        }
        log.error("Unexpected failure of a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, response, locale);
    }

    private ModelAndView page(HttpStatus status, String detail, HttpServletResponse response, Locale locale) {
        response.setStatus(status.value());
        return ErrorPages.view(status, detail, messages, locale);
    }
}

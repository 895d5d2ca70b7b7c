package org.familyjourney.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;

/**
 * Spring MVC's own exceptions for a request it could not serve as sent (a missing header or part, an
 * answer the client will not accept, ...) carry their 4xx status. One that no handler names is still
 * the sender's mistake, answered with its status and logged as one line, never as a fault of ours.
 */
final class ClientErrors {

    private ClientErrors() {
    }

    /** The 4xx status the exception stands for, or null if it is not a client error. */
    static HttpStatus statusOf(Exception e) {
        if (e instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            return HttpStatus.resolve(error.getStatusCode().value());
        }
        return null;
    }

    /** Spring's detail for it (written to be shown to the client), or a plain one. */
    static String detail(ErrorResponse error, HttpStatus status) {
        String detail = error.getBody().getDetail();
        return detail == null || detail.isBlank()
                ? "The request could not be served as sent (" + status.getReasonPhrase() + "). Check its address, method, headers and body."
                : detail;
    }
}

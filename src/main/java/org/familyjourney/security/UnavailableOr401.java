package org.familyjourney.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.familyjourney.web.DatabaseUnavailable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer when a request cannot be authenticated: 401, unless the password could not be
 * checked because the database is down; then 503 with a Retry-After, so a client waits rather than
 * thinking its password is wrong.
 */
class UnavailableOr401 implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (DatabaseUnavailable.is(failure)) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Database unavailable\",\"status\":503,\"detail\":\""
                    + DatabaseUnavailable.MESSAGE + "\"}");
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }
}

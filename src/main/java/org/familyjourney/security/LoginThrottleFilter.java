package org.familyjourney.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in for a locked username or address before the password is checked: the sign-in
 * form goes back to the sign-in page with "locked", an HTTP Basic call gets 401 with the reason.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean formSignIn = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        String username = formSignIn ? request.getParameter("username") : basicUsername(request);
        if ((formSignIn || username != null) && throttle.locked(username, request.getRemoteAddr())) {
            if (formSignIn) {
                response.sendRedirect(request.getContextPath() + "/login?locked");
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Family Journey\"");
                response.setContentType("application/problem+json");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"Too many failed sign-ins. "
                        + "Sign-in is paused for a while; try again later.\"}");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

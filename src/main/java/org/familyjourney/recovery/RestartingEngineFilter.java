package org.familyjourney.recovery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.familyjourney.engine.EmbeddedEngineOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded engine is being replaced, a change (anything but a read) answers 503 with what
 * is happening, instead of failing half way; reads come from MySQL and go on as usual. Every change
 * goes through the {@link EngineGate}, so a recycle waits for those already under way.
 */
@Component
@EmbeddedEngineOnly
class RestartingEngineFilter extends OncePerRequestFilter {

    static final String MESSAGE = "The journey engine is restarting; try again in a moment. Nothing you entered was lost.";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final EngineGate gate;

    RestartingEngineFilter(EngineGate gate) {
        this.gate = gate;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod()) || request.getRequestURI().startsWith("/api/engine/recycle")) {
            chain.doFilter(request, response);
            return;
        }
        if (gate.enter()) {
            try {
                chain.doFilter(request, response);
            } finally {
                gate.leave();
            }
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "5");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                + MESSAGE + "\"}");
    }
}

package org.familyjourney.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * An auditor reads everything and changes nothing: every request that could change something (any
 * method but GET, HEAD, OPTIONS) is refused to a holder of the AUDITOR role before it reaches a
 * controller, whatever the endpoint's own rules say, so a new endpoint cannot forget it. The account
 * of an inspector stays read-only even if someone also gives it another role.
 */
final class ReadOnlyAuditors implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    static boolean changes(HttpServletRequest request) {
        // The error page a refusal forwards to keeps the refused method; it must still be shown.
        return request.getDispatcherType() == DispatcherType.REQUEST && !READS.contains(request.getMethod());
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!changes(context.getRequest())) {
            return new AuthorizationDecision(true);
        }
        Authentication who = authentication.get();
        boolean auditor = who != null && who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> Role.AUDITOR.authority().equals(a.getAuthority()));
        return new AuthorizationDecision(!auditor);
    }
}

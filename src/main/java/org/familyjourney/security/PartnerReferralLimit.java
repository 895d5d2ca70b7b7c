package org.familyjourney.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public partner referral form needs no account, so one address may send only so many referrals
 * an hour ({@code familyjourney.partner-referrals.per-address-per-hour}); past that it is told, on the
 * 429 page, to wait or to phone. Only sending counts, not looking at the form.
 */
@Component
class PartnerReferralLimit extends OncePerRequestFilter {

    private final RateWindow sent;
    private final int perHour;

    PartnerReferralLimit(Clock clock, @Value("${familyjourney.partner-referrals.per-address-per-hour:20}") int perHour) {
        this.sent = new RateWindow(clock, Duration.ofHours(1), Duration.ofHours(1));
        this.perHour = perHour;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getServletPath().startsWith("/partner/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRemoteAddr();
        // The send one past the limit is the first refused; the address then waits out the hour.
        if (sent.locked(key) || sent.count(key, perHour + 1)) {
            response.setHeader("Retry-After", "3600");
            response.sendError(429);
            return;
        }
        chain.doFilter(request, response);
    }
}

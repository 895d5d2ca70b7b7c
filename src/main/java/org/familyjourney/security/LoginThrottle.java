package org.familyjourney.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username, or
 * {@code max-failures-per-address} from one address, within {@code window}, further sign-ins for it
 * are refused for {@code lock} - whatever the password, and the same for a username that does not
 * exist, so the refusal says nothing about who has an account. Counts form sign-in and HTTP Basic.
 */
@Component
class LoginThrottle {

    private final RateWindow failures;
    private final int perUser;
    private final int perAddress;

    LoginThrottle(Clock clock,
                  @Value("${familyjourney.login.max-failures:5}") int perUser,
                  @Value("${familyjourney.login.max-failures-per-address:20}") int perAddress,
                  @Value("${familyjourney.login.window:PT15M}") Duration window,
                  @Value("${familyjourney.login.lock:PT15M}") Duration lock) {
        this.failures = new RateWindow(clock, window, lock);
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    boolean locked(String username, String address) {
        return (username != null && failures.locked(userKey(username))) || (address != null && failures.locked(addressKey(address)));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        failures.count(userKey(failure.getAuthentication().getName()), perUser);
        if (failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            failures.count(addressKey(web.getRemoteAddress()), perAddress);
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        failures.forget(userKey(success.getAuthentication().getName()));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}

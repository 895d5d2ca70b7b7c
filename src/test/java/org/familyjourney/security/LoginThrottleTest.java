package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.familyjourney.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Five failed sign-ins for a username (or twenty from one address) within 15 minutes pause sign-in
 * for it for 15 minutes of the app's clock, with the same words whether or not the account exists.
 */
class LoginThrottleTest extends ApplicationTest {

    private static final String PASSWORD = "a-long-password-for-tests";

    @Autowired
    StaffDirectory staff;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void fiveFailuresLockTheUsernameUntilTheClockMovesOn() {
        String user = account();
        Visitor visitor = new Visitor(port, "203.0.113.11");
        for (int i = 0; i < 5; i++) {
            assertThat(Visitor.location(visitor.signIn(user, "wrong-" + i))).endsWith("/login?error");
        }

        var locked = visitor.signIn(user, PASSWORD);
        assertThat(Visitor.location(locked)).endsWith("/login?locked");
        assertThat(visitor.get("/login?locked").body()).contains("Too many failed sign-ins");
        assertThat(new Visitor(port, "203.0.113.12").signIn(user, PASSWORD).headers().firstValue("Location").orElse(""))
                .as("from another address too").endsWith("/login?locked");
        assertThat(basic(user, PASSWORD)).as("the API as well").isEqualTo(401);

        api.advanceClock("PT16M");

        assertThat(Visitor.location(visitor.signIn(user, PASSWORD))).doesNotContain("/login");
        assertThat(basic(user, PASSWORD)).isEqualTo(200);
    }

    @Test
    void aUsernameWithNoAccountIsLockedJustTheSame() {
        String nobody = "nobody-" + Long.toString(System.nanoTime(), 36);
        Visitor visitor = new Visitor(port, "203.0.113.21");
        for (int i = 0; i < 5; i++) {
            assertThat(Visitor.location(visitor.signIn(nobody, "guess-" + i))).endsWith("/login?error");
        }
        assertThat(Visitor.location(visitor.signIn(nobody, "guess-6"))).endsWith("/login?locked");
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddress() {
        Visitor visitor = new Visitor(port, "203.0.113.31");
        for (int i = 0; i < 20; i++) {
            visitor.signIn("guess-" + i + "-" + System.nanoTime(), "guess");
        }
        String user = account();

        assertThat(Visitor.location(visitor.signIn(user, PASSWORD))).endsWith("/login?locked");
        assertThat(Visitor.location(new Visitor(port, "203.0.113.32").signIn(user, PASSWORD))).as("elsewhere")
                .doesNotContain("/login");
    }

    private String account() {
        String user = "throttle-" + Long.toString(System.nanoTime(), 36);
        staff.createIfAbsent(user, "Throttle Testperson", null, passwords.encode(PASSWORD), List.of(Role.WORKER));
        return user;
    }

    private int basic(String user, String password) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tasks"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("X-Forwarded-For", "203.0.113.13").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admin lists, creates and disables staff accounts and resets passwords; nobody else can. */
class AdminUsersPageTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theAdminSeesEveryAccountWithRolesAndTeam() {
        String page = PageSession.signedIn(port, "admin").get("/admin/users").body();

        assertThat(page).contains("Staff accounts", "Maya Okafor", "Nadia Ferreira");
        assertThat(between(page, "id=\"user-maya\"", "</tr>")).contains("WORKER", "North");
        assertThat(between(page, "id=\"user-nadia\"", "</tr>")).contains("MANAGER", "South");
        assertThat(PageSession.signedIn(port, "priya").get("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void anAccountIsCreatedWithABcryptHashThenDisabledAndItsPasswordReset() {
        String user = "new-" + Long.toString(System.nanoTime(), 36);
        PageSession admin = PageSession.signedIn(port, "admin");
        admin.get("/admin/users");

        var tooShort = admin.postForm("/admin/users", Map.of("username", user, "displayName", "Robin Newstarter", "password", "short",
                "roles", "WORKER", "team", "South"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 12 characters");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, user)).isZero();

        var created = admin.postForm("/admin/users", Map.of("username", user, "displayName", "Robin Newstarter",
                "password", "first-long-password", "roles", "WORKER", "team", "South"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, user)).startsWith("$2a$");
        assertThat(signIn(user, "first-long-password")).doesNotContain("/login");
        assertThat(between(admin.follow(created).body(), "id=\"user-" + user + "\"", "</tr>")).contains("WORKER", "South");

        admin.postForm("/admin/users/" + user + "/password", Map.of("password", "second-long-password"));
        assertThat(signIn(user, "first-long-password")).endsWith("/login?error");
        assertThat(signIn(user, "second-long-password")).doesNotContain("/login");

        assertThat(admin.postForm("/admin/users/" + user + "/disable", Map.of()).status()).isEqualTo(302);
        assertThat(signIn(user, "second-long-password")).endsWith("/login?error");
    }

    private String signIn(String user, String password) {
        // From an address of its own: the failed sign-ins here must not count against every test's 127.0.0.1.
        return Visitor.location(new Visitor(port, "198.51.100.61").signIn(user, password));
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }
}

package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.familyjourney.support.ApplicationTest;
import org.familyjourney.support.PageSession;
import org.familyjourney.support.PageSession.Page;
import org.junit.jupiter.api.Test;

/** Signing in and out through the form; a demo run lists its fictional users. */
class SignInPageTest extends ApplicationTest {

    @Test
    void demoRunListsTheFictionalUsers() {
        Page login = new PageSession(port).get("/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Demo users").contains("Maya Okafor").contains("Designated safeguarding lead")
                .contains("Skip to content").contains("<label for=\"username\"");
    }

    @Test
    void wrongPasswordSaysSoInWords() {
        PageSession someone = new PageSession(port);
        Page failed = someone.signIn("maya", "not-the-password");
        assertThat(failed.location()).contains("/login?error");
        assertThat(someone.follow(failed).body()).contains("That username and password do not match");
    }

    @Test
    void signInLandsOnTheTasksAndSignOutSaysSo() {
        PageSession maya = PageSession.signedIn(port, "maya");
        Page tasks = maya.follow(maya.follow(new Page(302, "", "/")));
        assertThat(tasks.body()).contains("Signed in as maya").contains("My tasks");
        Page out = maya.postForm("/logout", Map.of());
        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(maya.follow(out).body()).contains("You have signed out");
        assertThat(maya.get("/tasks").location()).endsWith("/login");
    }
}

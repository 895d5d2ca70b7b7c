package org.familyjourney.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class RecentlyVerifiedPasswordsTest {

    private final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(new BCryptPasswordEncoder(4));

    @Test
    void rememberedMatchStillRejectsAWrongPasswordAndAChangedOne() {
        String hash = passwords.encode("family-journey");
        assertThat(passwords.matches("family-journey", hash)).isTrue();
        assertThat(passwords.matches("family-journey", hash)).isTrue();
        assertThat(passwords.matches("family-journeyX", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();

        String changed = passwords.encode("a new password");
        assertThat(passwords.matches("family-journey", changed)).isFalse();
        assertThat(passwords.matches("a new password", changed)).isTrue();
    }
}

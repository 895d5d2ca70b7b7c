package org.familyjourney.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bcrypt, remembering for a few minutes which password matched which hash. The JSON API signs in on
 * every request (HTTP Basic, no session), and one bcrypt check costs ~70 ms of CPU: a client making
 * ten calls a second would otherwise keep a core busy just proving the same password again. Only
 * a salted SHA-256 of password and hash is kept (the salt is random per process, never stored), so
 * the memory holds no password; a changed password has a new hash and misses; a wrong password is
 * always checked by bcrypt in full. The account (enabled, roles) is still read on every request.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder bcrypt;
    private final byte[] salt = new byte[32];
    private final Map<String, Long> verified = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    RecentlyVerifiedPasswords(PasswordEncoder bcrypt) {
        this.bcrypt = bcrypt;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
        String key = fingerprint(rawPassword, encodedPassword);
        long now = System.nanoTime();
        synchronized (verified) {
            Long at = verified.get(key);
            if (at != null && now - at < REMEMBER.toNanos()) {
                return true;
            }
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verified) {
                verified.put(key, now);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

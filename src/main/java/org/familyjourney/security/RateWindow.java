package org.familyjourney.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (a username, an address) in a sliding window of the app's clock, and locks a
 * key for a while once it reaches its limit. The app clock follows the engine clock, so a test moves
 * past a lock instead of waiting. Kept in memory: a restart forgets, which errs on letting people in.
 */
final class RateWindow {

    private final Clock clock;
    private final Duration window;
    private final Duration lock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    RateWindow(Clock clock, Duration window, Duration lock) {
        this.clock = clock;
        this.window = window;
        this.lock = lock;
    }

    /** Counts one event for the key; returns whether the key is now locked. */
    boolean count(String key, int limit) {
        Instant now = clock.instant();
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (seen) {
            prune(seen, now);
            seen.addLast(now);
            if (seen.size() >= limit) {
                lockedUntil.put(key, now.plus(lock));
                seen.clear();
                return true;
            }
        }
        return false;
    }

    boolean locked(String key) {
        Instant until = lockedUntil.get(key);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            lockedUntil.remove(key, until);
            return false;
        }
        return true;
    }

    void forget(String key) {
        events.remove(key);
    }

    private void prune(Deque<Instant> seen, Instant now) {
        Instant since = now.minus(window);
        while (!seen.isEmpty() && seen.peekFirst().isBefore(since)) {
            seen.removeFirst();
        }
        // A clock moved backwards (never in production) must not keep stale entries forever.
        seen.removeIf(at -> at.isAfter(now));
    }
}

package org.familyjourney.recovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How long each part of one recycle took, in milliseconds, in the order they ran. The total alone could
 * not say where a recycle's 30-50 s went on a full caseload under load; the log line and the recycle API
 * give every part.
 */
final class RecyclePhases {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Ends the part that began at the previous call (or at creation). */
    void done(String phase) {
        long now = System.nanoTime();
        millis.merge(phase, (now - mark) / 1_000_000, Long::sum);
        mark = now;
    }

    Map<String, Long> millis() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    @Override
    public String toString() {
        return millis.entrySet().stream().map(part -> part.getKey() + " " + part.getValue() + " ms").collect(Collectors.joining(", "));
    }
}

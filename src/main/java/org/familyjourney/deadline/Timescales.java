package org.familyjourney.deadline;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every timescale of the journey, by name (familyjourney.timescales.*). Parsed at start-up so a
 * mistyped timescale stops the app with a clear message instead of surprising a worker later.
 */
@ConfigurationProperties("familyjourney")
public class Timescales {

    private final Map<String, Timescale> parsed = new TreeMap<>();

    public void setTimescales(Map<String, String> timescales) {
        parsed.clear();
        timescales.forEach((name, text) -> {
            try {
                parsed.put(name, Timescale.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("familyjourney.timescales." + name + ": " + e.getMessage(), e);
            }
        });
    }

    public Timescale named(String name) {
        Timescale timescale = parsed.get(name);
        if (timescale == null) {
            throw new IllegalArgumentException("No timescale named '" + name + "' is configured (familyjourney.timescales."
                    + name + "); configured: " + parsed.keySet());
        }
        return timescale;
    }

    public Map<String, Timescale> all() {
        return Map.copyOf(parsed);
    }
}

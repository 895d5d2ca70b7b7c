package org.familyjourney.operations;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A gauge's value, read from the database at most once per refresh interval: every instance of the
 * app is scraped, often, and the numbers need not be fresher than a few seconds. A database that
 * cannot answer gives NaN (no value) rather than a failed scrape.
 */
final class CachedValue {

    private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

    private final String name;
    private final DoubleSupplier source;
    private final long refreshNanos;
    private double value = Double.NaN;
    private long readAt;
    private boolean read;

    CachedValue(String name, Duration refresh, DoubleSupplier source) {
        this.name = name;
        this.source = source;
        this.refreshNanos = refresh.toNanos();
    }

    synchronized double get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= refreshNanos) {
            try {
                value = source.getAsDouble();
            } catch (DataAccessException e) {
                log.warn("Metric {} could not be read from the database ({})", name, e.getClass().getSimpleName());
                value = Double.NaN;
            }
            readAt = now;
            read = true;
        }
        return value;
    }
}

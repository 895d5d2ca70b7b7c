package org.familyjourney.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The app's "now": the embedded engine's clock (wall clock plus the offset a demo or test moved it
 * by), or the wall clock against a remote cluster. Due dates, overdue marks and journey timestamps
 * all ask this clock, so they agree with the engine's timers.
 */
public class EngineClock extends Clock {

    private final Supplier<Duration> offset;
    private final ZoneId zone;

    public EngineClock(Supplier<Duration> offset) {
        this(offset, ZoneOffset.UTC);
    }

    private EngineClock(Supplier<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(offset, zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}

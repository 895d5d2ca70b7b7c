package org.familyjourney.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves the engine's clock past the 3-month follow-up wait, the same way on the app and on the bare
 * engine: every {@code every}, if any journey waits for its follow-up, one jump for all of them. The
 * virtual users do not wait meanwhile (nobody sits idle for three months): they start the next
 * family, and the follow-ups are done after the jump. Every jump also fires the timers of the other
 * journeys in flight (reminders, escalations), as it would in use.
 */
final class ClockMover implements AutoCloseable {

    static final Duration JUMP = Duration.ofDays(93);

    private final Runnable advance;
    private final Runnable afterJump;
    private final long everyMillis;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger jumps = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    ClockMover(Duration every, Runnable advance, Runnable afterJump) {
        this.advance = advance;
        this.afterJump = afterJump;
        this.everyMillis = every.toMillis();
        this.thread = Thread.ofPlatform().daemon().name("clock-mover").start(this::loop);
    }

    /** A journey reached the wait. */
    void waiting() {
        waiting.incrementAndGet();
    }

    /** A journey's follow-up is done. */
    void done() {
        waiting.decrementAndGet();
    }

    int jumps() {
        return jumps.get();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (running && waiting.get() > 0) {
                advance.run();
                jumps.incrementAndGet();
                afterJump.run();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

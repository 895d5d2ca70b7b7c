package org.familyjourney.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves the engine's clock past the 3-month follow-up wait for the journeys waiting at it, the same
 * way on the app and on the bare engine: one jump for a batch of waiters (half the journeys in flight,
 * or whoever has waited {@code patience}), so the clock is not moved once per journey. Every jump
 * also fires the timers of the other journeys in flight (reminders, escalations), as it would in use.
 */
final class ClockMover implements AutoCloseable {

    static final Duration JUMP = Duration.ofDays(93);

    private final Runnable advance;
    private final int batch;
    private final long patienceNanos;
    private final AtomicInteger jumps = new AtomicInteger();
    private final Thread thread;
    private int waiting;
    private long firstWaitingSince;
    private long generation;
    private volatile boolean running = true;

    ClockMover(Runnable advance, int batch, Duration patience) {
        this.advance = advance;
        this.batch = Math.max(1, batch);
        this.patienceNanos = patience.toNanos();
        this.thread = Thread.ofPlatform().daemon().name("clock-mover").start(this::loop);
    }

    /** A journey now waits for the follow-up; returns the jump generation it waits for. */
    synchronized long waitForJump() {
        if (waiting == 0) {
            firstWaitingSince = System.nanoTime();
        }
        waiting++;
        return generation + 1;
    }

    /** Whether the clock has jumped since the journey started waiting for that generation. */
    synchronized boolean jumped(long awaited) {
        return generation >= awaited;
    }

    int jumps() {
        return jumps.get();
    }

    private void loop() {
        while (running) {
            boolean due;
            synchronized (this) {
                due = waiting >= batch || (waiting > 0 && System.nanoTime() - firstWaitingSince >= patienceNanos);
            }
            if (due) {
                advance.run();
                jumps.incrementAndGet();
                synchronized (this) {
                    waiting = 0;
                    generation++;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

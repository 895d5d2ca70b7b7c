package org.familyjourney.recovery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The way in for changes people make (anything but a read) while the embedded engine may be
 * replaced. A recycle closes the gate, so new changes answer 503, and waits for the changes already
 * inside to finish before it stops the engine: a completion sent to an engine that stops under it
 * may be applied with its answer lost, and the step would then look withdrawn rather than done.
 * A change counts itself in before it looks at the gate, so none slips past a recycle that has
 * seen the count at zero.
 */
class EngineGate {

    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean closed;

    /** True if the change may go on (then {@link #leave()} when done); false while the engine is replaced. */
    boolean enter() {
        inside.incrementAndGet();
        if (closed) {
            leave();
            return false;
        }
        return true;
    }

    void leave() {
        synchronized (inside) {
            inside.decrementAndGet();
            inside.notifyAll();
        }
    }

    boolean closed() {
        return closed;
    }

    /** Closes the gate and waits, at most {@code patience}, for the changes inside; false if some are still there. */
    boolean closeAndDrain(Duration patience) {
        closed = true;
        long until = System.nanoTime() + patience.toNanos();
        synchronized (inside) {
            while (inside.get() > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    inside.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    void open() {
        closed = false;
    }

    int inside() {
        return inside.get();
    }
}

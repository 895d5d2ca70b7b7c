package org.familyjourney.engine;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process Zeebe engine of the embedded default. It keeps nothing across restarts but its
 * clock: that is the wall clock plus an offset that only {@link #advance(Duration)} changes, so the
 * app's {@link EngineClock} can follow it exactly, and the offset is stored ({@link EngineClockOffset})
 * and applied to the engine as it starts, before anything reads the clock or recovery re-creates a
 * journey, so time goes on where it was. {@link #replace()} swaps in a fresh engine on the same port
 * (recycling): the Camunda client's channel reconnects to it, and the clock keeps its offset (the one
 * in memory, always the one stored), so every absolute deadline still means the same moment.
 */
public class EmbeddedEngine {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);

    private volatile ZeebeTestEngine engine;
    private final int port;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final EngineClockOffset storedOffset;

    /** Applies the stored offset whether or not clock control is on now: the stored times were written in it. */
    EmbeddedEngine(int port, EngineClockOffset storedOffset) {
        // Probe first: a taken port makes start() throw while the engine's threads keep the JVM alive.
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("Port " + port + " for the embedded Zeebe engine is in use. "
                    + "Is another copy of the app running? Set familyjourney.engine.port=0 for any free port.");
        }
        this.port = port;
        this.storedOffset = storedOffset;
        // Read before the engine starts, for the same reason: a database failure must not leave its threads behind.
        Duration resumed = storedOffset.atStart(Instant.now());
        this.engine = EngineFactory.create(port);
        engine.start();
        if (resumed.isPositive()) {
            engine.increaseTime(resumed);
            offset.set(resumed);
            log.info("Embedded engine clock continues {} ahead of the wall clock, as stored by earlier runs", resumed);
        }
        log.info("Embedded Zeebe engine listening for gRPC on port {}", port);
    }

    public int port() {
        return port;
    }

    public Duration clockOffset() {
        return offset.get();
    }

    /**
     * Stored before the engine moves: if storing fails nothing has moved, and if the engine then fails
     * the next start is ahead of where this run stood, never behind it.
     */
    public synchronized void advance(Duration by) {
        Duration moved = offset.get().plus(by);
        storedOffset.store(moved, Instant.now().plus(moved));
        engine.increaseTime(by);
        offset.set(moved);
    }

    /** Raw engine access for recovery, process tests and diagnostics; the app itself goes through the client. */
    public ZeebeTestEngine engine() {
        return engine;
    }

    /**
     * Stops this engine and starts an empty one on the same port, its clock moved on by the same
     * offset as the old one's. Everything the old engine held is gone: the caller recovers it.
     */
    public synchronized void replace() {
        engine.stop();
        awaitPortFree();
        ZeebeTestEngine fresh = EngineFactory.create(port);
        fresh.start();
        Duration moved = offset.get();
        if (!moved.isZero()) {
            fresh.increaseTime(moved);
        }
        engine = fresh;
        log.info("Fresh embedded Zeebe engine listening for gRPC on port {}", port);
    }

    private void awaitPortFree() {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!FreePorts.isFree(port)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("The old engine did not release port " + port + " within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while replacing the engine", e);
            }
        }
    }

    void stop() {
        engine.stop();
    }
}

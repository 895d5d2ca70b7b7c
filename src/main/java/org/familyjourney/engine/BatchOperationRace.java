package org.familyjourney.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Zeebe Process Test's in-memory state is not safe for two threads, yet its engine's batch-operation
 * scheduler reads it from a second actor while the stream processor writes it: under load it fails
 * with a ConcurrentModificationException, logged as an ERROR with a long trace, every few seconds
 * (the engine carries on with its next job). We start no batch operations, so nothing is lost; but an
 * operator reading ERRORs should meet only our faults. Exactly that event is counted and logged once
 * as a WARN instead; every other error of the engine is logged as it is.
 */
final class BatchOperationRace extends TurboFilter {

    private static final String ACTOR_LOGGER = "io.camunda.zeebe.util.actor";
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(BatchOperationRace.class);

    private final AtomicLong seen = new AtomicLong();

    /** Installs the filter once in the app's logging (the embedded engine only: a real cluster has no such race). */
    static void quietIn(org.slf4j.ILoggerFactory factory) {
        if (factory instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(BatchOperationRace.class::isInstance)) {
            BatchOperationRace filter = new BatchOperationRace();
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !ACTOR_LOGGER.equals(logger.getName()) || !isTheRace(params, t)) {
            return FilterReply.NEUTRAL;
        }
        if (seen.getAndIncrement() == 0) {
            log.warn("The embedded engine's batch-operation scheduler read its state while the engine wrote it "
                    + "(a known race of Zeebe Process Test's in-memory state; the app starts no batch operations, "
                    + "so nothing is lost); further such errors are not logged");
        }
        return FilterReply.DENY;
    }

    long seen() {
        return seen.get();
    }

    private static boolean isTheRace(Object[] params, Throwable t) {
        boolean batchActor = params != null && params.length > 0 && String.valueOf(params[0]).startsWith("BatchOperationActor");
        // Logged with parameters, the exception reaches a turbo filter as the last parameter, not as t.
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        for (Throwable cause = thrown; batchActor && cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrentModificationException) {
                return true;
            }
        }
        return false;
    }
}

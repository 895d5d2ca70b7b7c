package org.familyjourney.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Every event logged anywhere in the app while it is attached (every logger, every thread), as text
 * with its arguments, MDC and stack trace, for tests that check what the app writes to its log.
 * Use in try-with-resources: closing detaches it.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** One event: its logger, level, thread, whether it carried a stack trace, and all of it as one line of text. */
    public record Line(String logger, Level level, String thread, boolean stackTrace, String text) {

        /** Logged while serving an HTTP request (on one of the server's request threads). */
        public boolean servingRequest() {
            return thread.startsWith("http-");
        }
    }

    private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger seen = new AtomicInteger();

    private CapturedLogs() {
    }

    public static CapturedLogs attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        CapturedLogs captured = new CapturedLogs();
        captured.setContext(context);
        captured.setName("captured-logs-" + System.identityHashCode(captured));
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
        return captured;
    }

    @Override
    public void stop() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        super.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** The events so far, as text (logger, message, MDC, stack trace). */
    public List<String> lines() {
        return events().stream().map(Line::text).toList();
    }

    public List<Line> events() {
        return List.copyOf(lines);
    }

    /** Forgets what was captured so far (to look at what one request logs). */
    public void clear() {
        lines.clear();
    }

    /** How many events arrived, GreenMail's included. */
    public int seen() {
        return seen.get();
    }

    @Override
    protected void append(ILoggingEvent event) {
        seen.incrementAndGet();
        if (event.getLoggerName().startsWith("com.icegreen")) {
            return; // the test's own SMTP server (GreenMail) logs each recipient; the app does not
        }
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                line.append(' ').append(frame.getSTEAsString());
            }
        }
        lines.add(new Line(event.getLoggerName(), event.getLevel(), event.getThreadName(), event.getThrowableProxy() != null,
                line.toString()));
    }
}
